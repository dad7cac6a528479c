package dev.clew.core.instrument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Loads instrumentation modules from extension jars ({@code clew.javaagent.extensions}). Extensions are
 * compiled against plain Byte Buddy, ASM and Jackson; inside the agent jar those are relocated, so the
 * extension's class files are remapped to the relocated names as they are loaded (also when Byte Buddy
 * reads advice class files as resources).
 */
public final class ExtensionClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private static final String[][] RELOCATIONS = relocations();

  public ExtensionClassLoader(URL[] urls, ClassLoader agentLoader) {
    super(urls, agentLoader);
  }

  /**
   * Plain-name prefix to relocated prefix, found at run time; empty when the agent is not relocated.
   * The plain names are assembled from pieces because the shading would otherwise relocate them too.
   */
  private static String[][] relocations() {
    String actual = net.bytebuddy.ByteBuddy.class.getName().replace('.', '/');
    String plain = String.join("/", "net", "bytebuddy", "ByteBuddy");
    if (actual.equals(plain)) {
      return new String[0][];
    }
    String root = actual.substring(0, actual.length() - String.join("/", "bytebuddy", "ByteBuddy").length());
    return new String[][] {
      {String.join("/", "net", "bytebuddy", ""), root + "bytebuddy/"},
      {String.join("/", "org", "objectweb", "asm", ""), root + "asm/"},
      {String.join("/", "com", "fasterxml", "jackson", ""), root + "jackson/"}
    };
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = remappedClassFile(name.replace('.', '/') + ".class");
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (name.endsWith(".class") && findResource(name) != null) {
      byte[] bytes = remappedClassFile(name);
      return bytes == null ? null : new ByteArrayInputStream(bytes);
    }
    return super.getResourceAsStream(name);
  }

  private byte[] remappedClassFile(String path) {
    URL url = findResource(path);
    if (url == null) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) != -1) {
        out.write(buf, 0, n);
      }
      byte[] original = out.toByteArray();
      if (RELOCATIONS.length == 0) {
        return original;
      }
      ClassReader reader = new ClassReader(original);
      ClassWriter writer = new ClassWriter(0);
      reader.accept(new ClassRemapper(writer, new Remapper(Opcodes.ASM9) {
        @Override
        public String map(String internalName) {
          for (String[] r : RELOCATIONS) {
            if (internalName.startsWith(r[0])) {
              return r[1] + internalName.substring(r[0].length());
            }
          }
          return internalName;
        }
      }), 0);
      return writer.toByteArray();
    } catch (IOException e) {
      return null;
    }
  }
}
