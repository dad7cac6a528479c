package dev.clew.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the agent jar: Byte Buddy's class file transformer ({@code AgentBuilder.Default.ExecutingTransformer})
 * generates, in its static initializer, a subclass of itself whose only purpose is to override the {@code transform}
 * form that takes a {@code java.lang.Module} (about 0.1 s of CPU in every premain, in the interpreter). clew never
 * registers that transformer itself: {@code FilteringTransformer} stands in front of it and hands the module to the
 * transformer's own {@code transform(Object module, ...)}, which the generated subclass would call too. This step
 * makes the relocated factory answer its Java 8 form (the plain transformer) instead of generating the subclass.
 *
 * <p>Usage: {@code SkipModuleTransformerGeneration BYTEBUDDY_DIRECTORY} (the relocated {@code net.bytebuddy}); fails
 * if Byte Buddy's factory no longer looks as expected, so a Byte Buddy upgrade cannot silently undo or break it.
 */
public final class SkipModuleTransformerGeneration {
  private static final String FACTORY = "agent/builder/AgentBuilder$Default$ExecutingTransformer$Factory";

  private SkipModuleTransformerGeneration() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SkipModuleTransformerGeneration BYTEBUDDY_DIRECTORY");
    }
    Path creation = Paths.get(args[0], FACTORY + "$CreationAction.class");
    Path legacy = Paths.get(args[0], FACTORY + "$ForLegacyVm.class");
    if (!Files.isRegularFile(creation) || !Files.isRegularFile(legacy)) {
      throw new IllegalStateException("Byte Buddy's transformer factory changed: " + creation + " or " + legacy
          + " is missing");
    }
    String root = new ClassReader(Files.readAllBytes(legacy)).getClassName();
    String packagePrefix = root.substring(0, root.length() - (FACTORY + "$ForLegacyVm").length());
    Files.write(creation, patch(Files.readAllBytes(creation), packagePrefix));
    System.out.println("Byte Buddy's transformer factory answers its plain transformer: " + creation.getFileName());
  }

  /** {@code CreationAction.run()} becomes {@code return ForLegacyVm.INSTANCE;}. */
  static byte[] patch(byte[] classFile, String packagePrefix) {
    String factory = packagePrefix + FACTORY;
    String legacy = factory + "$ForLegacyVm";
    String runDescriptor = "()L" + factory + ";";
    ClassWriter writer = new ClassWriter(0);
    boolean[] patched = {false};
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (!name.equals("run") || !descriptor.equals(runDescriptor)) {
          return next;
        }
        patched[0] = true;
        next.visitCode();
        next.visitFieldInsn(Opcodes.GETSTATIC, legacy, "INSTANCE", "L" + legacy + ";");
        next.visitInsn(Opcodes.ARETURN);
        next.visitMaxs(1, 1);
        next.visitEnd();
        return null; // the original body is dropped
      }
    }, 0);
    if (!patched[0]) {
      throw new IllegalStateException("Byte Buddy's transformer factory changed: no run" + runDescriptor);
    }
    return writer.toByteArray();
  }
}
