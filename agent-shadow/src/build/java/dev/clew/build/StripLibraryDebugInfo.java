package dev.clew.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the agent jar: drops line numbers, local variable tables, source file names and generic
 * signatures from the relocated libraries' class files (Byte Buddy, ASM, Jackson), about 190 KB of the jar.
 * Nothing reads them at run time: the agent calls these libraries through erased types, and a stack trace
 * through them still names every class and method. clew's own classes are not touched (ProGuard keeps their
 * line numbers), so stack traces of clew's code read as in the sources.
 *
 * <p>Usage: {@code StripLibraryDebugInfo DIRECTORY}: every {@code .class} file below it is rewritten in place.
 */
public final class StripLibraryDebugInfo {
  private StripLibraryDebugInfo() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: StripLibraryDebugInfo DIRECTORY");
    }
    List<Path> classes;
    try (Stream<Path> files = Files.walk(Paths.get(args[0]))) {
      classes = files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
    long before = 0;
    long after = 0;
    for (Path file : classes) {
      byte[] bytes = Files.readAllBytes(file);
      byte[] stripped = strip(bytes);
      Files.write(file, stripped);
      before += bytes.length;
      after += stripped.length;
    }
    System.out.printf("debug information stripped from %d library classes: %,d -> %,d bytes%n",
        classes.size(), before, after);
  }

  static byte[] strip(byte[] classFile) {
    // a new constant pool (no reader handed to the writer): the stripped names and signatures leave it too;
    // stack map frames are copied as they are, so nothing is recomputed
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(classFile).accept(new WithoutSignatures(writer), ClassReader.SKIP_DEBUG);
    return writer.toByteArray();
  }

  /** Generic signatures of classes, fields and methods: reflection falls back to the erased types. */
  private static final class WithoutSignatures extends ClassVisitor {
    WithoutSignatures(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      super.visit(version, access, name, null, superName, interfaces);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      return super.visitField(access, name, descriptor, null, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      return super.visitMethod(access, name, descriptor, null, exceptions);
    }
  }
}
