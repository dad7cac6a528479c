package dev.clew.core.instrument;

import java.security.ProtectionDomain;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;
import net.bytebuddy.utility.OpenedClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Raises class files older than Java 7 (e.g. libraries still compiled for Java 6, like Apache
 * HttpClient 4) to version 51 so the advice's {@code invokedynamic} is legal there, recomputing the
 * stack map frames that version requires. Newer class files pass through untouched. Without it,
 * Byte Buddy writes the indy call site into the old class file as is and the JVM refuses to load the
 * class ({@code ClassFormatError: Class file version does not support constant tag 15}).
 */
final class ClassFileVersionUpgrade implements AgentBuilder.Transformer, AsmVisitorWrapper {
  static final ClassFileVersionUpgrade INSTANCE = new ClassFileVersionUpgrade();

  @Override
  public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader classLoader, JavaModule module, ProtectionDomain protectionDomain) {
    ClassFileVersion version = type.getClassFileVersion();
    if (version == null || version.isAtLeast(ClassFileVersion.JAVA_V7)) {
      return builder;
    }
    return builder.visit(this);
  }

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_FRAMES;
  }

  @Override
  public int mergeReader(int flags) {
    return flags;
  }

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
      Implementation.Context implementationContext, TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags, int readerFlags) {
    return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        int major = version & 0xFFFF;
        super.visit(major < Opcodes.V1_7 ? Opcodes.V1_7 : version, access, name, signature, superName, interfaces);
      }
    };
  }
}
