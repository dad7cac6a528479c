package dev.clew.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading HotSpot's compilation log: lines as JDK 17 writes them with -XX:+LogCompilation. */
class CompilationSummaryTest {
  private static final String LOG = String.join("\n",
      "<task_queued compile_id='7' method='java.lang.String hashCode ()I' bytes='60' count='512' stamp='0.4'/>",
      "<task compile_id='2' method='java.lang.String isLatin1 ()Z' bytes='19' count='1152' iicount='1152' level='3' stamp='0.559'>",
      "<task_done success='1' nmsize='368' count='1152' stamp='0.560'/>",
      "<task compile_id='30' method='dev.clew.core.trace.Tracer spanBuilder (Ljava/lang/String;)Ldev/clew/core/trace/SpanBuilder;' bytes='63' count='2560' iicount='2560' stamp='5.0'>",
      "<task_done success='1' nmsize='1200' count='2600' inlined_bytes='137' stamp='5.5'/>",
      "<task compile_id='31' compile_kind='osr' method='dev.clew.core.trace.Tracer spanBuilder (Ljava/lang/String;)Ldev/clew/core/trace/SpanBuilder;' bytes='63' count='9' backedge_count='60000' iicount='9' osr_bci='5' stamp='6.0'>",
      "<task_done success='1' nmsize='800' count='9' inlined_bytes='37' stamp='6.25'/>",
      "<task compile_id='40' method='dev.clew.shaded.asm.ClassReader &lt;init&gt; ([BIZ)V' bytes='359' count='169' iicount='169' level='3' stamp='7.0'>",
      "<task_done success='1' nmsize='5000' count='169' stamp='7.5'/>",
      "<task compile_id='41' method='org.eclipse.jetty.server.Server handle (Lorg/eclipse/jetty/server/Request;)Z' bytes='300' count='9000' iicount='9000' stamp='8.0'>",
      "<task_done success='0' nmsize='0' count='9000' stamp='8.1'/>",
      "<uncommon_trap thread='8260' reason='class_check' action='maybe_recompile' debug_id='0' compile_id='30' compiler='c2' level='4' stamp='9.0'>",
      "<jvms bci='12' method='dev.clew.core.trace.Tracer spanBuilder (Ljava/lang/String;)Ldev/clew/core/trace/SpanBuilder;' bytes='63' count='3000' iicount='3000'/>",
      "</uncommon_trap>",
      "<make_not_entrant thread='8276' compile_id='30' compiler='c2' level='4' stamp='9.1'/>",
      "<make_not_entrant thread='8276' compile_id='2' compiler='c1' level='3' stamp='0.7'/>");

  private static CompilationSummary read(double after) throws IOException {
    return CompilationSummary.read(new BufferedReader(new StringReader(LOG)), after);
  }

  @Test
  void sumsCompilationsByTierAndOriginCountingInlinedBytecode() throws IOException {
    Map<String, CompilationSummary.Cell> cells = read(0).cells();
    assertEquals(3, cells.size()); // the failed C2 task counts nowhere
    CompilationSummary.Cell c2Clew = cells.get("4 CLEW");
    assertEquals(2, c2Clew.compiles);
    assertEquals(63 + 137 + 63 + 37, c2Clew.bytes);
    assertEquals(2000, c2Clew.nmethodBytes);
    assertEquals(0.75, c2Clew.seconds, 1e-9);
    assertEquals(1, cells.get("3 JDK").compiles);
    assertEquals(359, cells.get("3 CLEW_SHADED").bytes);
    assertEquals(Map.of("dev.clew.core.trace.Tracer spanBuilder (Ljava/lang/String;)Ldev/clew/core/trace/SpanBuilder;", 2),
        read(0).c2Recompiled());
  }

  @Test
  void countsOnlyWhatStartsAfterTheGivenTime() throws IOException {
    CompilationSummary s = read(5.8);
    assertEquals(3, s.tasks.size()); // OSR, shaded, and the failed one (kept, summed nowhere)
    assertEquals(1, s.cells().get("4 CLEW").compiles);
    assertEquals(Map.of("class_check maybe_recompile", 1), s.traps);
    assertEquals(1, s.madeNotEntrant);
    assertEquals(2, read(0).madeNotEntrant);
  }

  @Test
  void namesTheOriginOfAMethod() {
    assertEquals(CompilationSummary.Origin.CLEW, CompilationSummary.origin("dev.clew.core.context.Context get ()V"));
    assertEquals(CompilationSummary.Origin.CLEW_SHADED, CompilationSummary.origin("dev.clew.shaded.asm.Frame execute ()V"));
    assertEquals(CompilationSummary.Origin.APPLICATION,
        CompilationSummary.origin("dev.clew.benchmarks.apps.servlet.ServletApp main ()V"));
    assertEquals(CompilationSummary.Origin.METHOD_HANDLES,
        CompilationSummary.origin("java.lang.invoke.LambdaForm$MH/0x01 invoke ()V"));
    assertEquals(CompilationSummary.Origin.JDK, CompilationSummary.origin("jdk.internal.misc.Unsafe getInt ()I"));
    assertNull(CompilationSummary.attr("<task_done success='1' stamp='0.5'/>", "nmsize"));
  }
}
