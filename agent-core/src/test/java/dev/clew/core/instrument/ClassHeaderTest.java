package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassHeaderTest {
  /** Long and double constants take two constant pool slots; the reader must skip both. */
  static final class WithWideConstants implements Runnable {
    static final long BIG = 1L << 40;
    static final double RATIO = 0.1234;
    static long mutable = BIG;
    static double other = RATIO;

    @Override
    public void run() {
      mutable += (long) (other * BIG) + 0x7FFF_FFFF_FFFFL;
    }
  }

  static final class Caf\u00e9 implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  private static List<String> superTypes(ClassHeader h) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < h.superTypeCount(); i++) {
      names.add(h.superTypeName(i));
      assertEquals(ClassHeader.hash(h.superTypeName(i)), h.superTypeHash(i));
    }
    return names;
  }

  @Test
  void readsTheClassAndItsDirectSupertypes() {
    ClassHeader h = ClassHeader.read(ClassFilterTest.classFile(ArrayList.class));
    assertEquals(ClassHeader.hash("java.util.ArrayList"), h.nameHash());
    assertEquals(ClassHeader.hash("java/util/ArrayList"), h.nameHash(), "either spelling of the name");
    assertEquals(Arrays.asList("java.util.AbstractList", "java.util.List", "java.util.RandomAccess",
        "java.lang.Cloneable", "java.io.Serializable"), superTypes(h));
    assertFalse(h.isInterface());
  }

  @Test
  void skipsWideConstantsAndReadsInterfaces() {
    ClassHeader h = ClassHeader.read(ClassFilterTest.classFile(WithWideConstants.class));
    assertEquals(ClassHeader.hash(WithWideConstants.class.getName()), h.nameHash());
    assertEquals(Arrays.asList("java.lang.Object", "java.lang.Runnable"), superTypes(h));
    ClassHeader runnable = ClassHeader.read(ClassFilterTest.classFile(Runnable.class));
    assertTrue(runnable.isInterface());
  }

  @Test
  void objectHasNoSupertypes() {
    assertEquals(0, ClassHeader.read(ClassFilterTest.classFile(Object.class)).superTypeCount());
  }

  @Test
  void hashesNonAsciiNamesAsTheClassFileSpellsThem() {
    ClassHeader h = ClassHeader.read(ClassFilterTest.classFile(Caf\u00e9.class));
    assertEquals(ClassHeader.hash(Caf\u00e9.class.getName()), h.nameHash());
    assertNotEquals(ClassHeader.hash("dev.clew.core.instrument.ClassHeaderTest$Cafe"), h.nameHash());
  }

  @Test
  void rejectsWhatIsNoClassFile() {
    assertNull(ClassHeader.read(new byte[] {1, 2, 3}));
    byte[] truncated = Arrays.copyOf(ClassFilterTest.classFile(ArrayList.class), 40);
    assertNull(ClassHeader.read(truncated));
    byte[] badTag = ClassFilterTest.classFile(ArrayList.class).clone();
    badTag[10] = 99;
    assertNull(ClassHeader.read(badTag));
  }

  @Test
  void findsANameAnywhereInTheConstantPoolByHashAndLength() {
    byte[] annotated = ClassFilterTest.classFile(dev.clew.testapp.hierarchy.Hierarchy.Annotated.class);
    String traced = "Ldev/clew/testapp/hierarchy/Hierarchy$Traced;";
    assertTrue(ClassHeader.mentionsAny(annotated, new long[] {ClassHeader.hash(traced)},
        new int[] {traced.length()}));
    String other = "Lcom/acme/NotUsed;";
    assertFalse(ClassHeader.mentionsAny(annotated, new long[] {ClassHeader.hash(other)}, new int[] {other.length()}));
    assertTrue(ClassHeader.mentionsAny(new byte[] {1, 2, 3}, new long[] {1}, new int[] {1}), "not a class file");
  }
}
