package dev.clew.core.export.otlp;

import dev.clew.core.trace.InstrumentationScope;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanData;
import java.util.Arrays;
import java.util.Collection;

/**
 * A batch of spans ordered by (resource, scope), the nesting OTLP requires. A batch holds few distinct
 * resources and scopes, so groups are found by a linear scan; spans are placed by a counting sort.
 * Arrays are kept between batches; {@link #release()} drops the span references.
 */
final class SpanGroups {
  Resource[] resources = new Resource[2];
  int resourceCount;
  /** Per group: its resource index and scope; spans of group g are ordered[groupStart[g] .. groupStart[g+1]). */
  int[] groupResource = new int[8];
  InstrumentationScope[] groupScope = new InstrumentationScope[8];
  int[] groupStart = new int[9];
  int groupCount;
  SpanData[] ordered = new SpanData[64];
  int spanCount;
  private int[] groupOf = new int[64];
  private SpanData[] input = new SpanData[64];

  void group(Collection<? extends SpanData> spans) {
    resourceCount = 0;
    groupCount = 0;
    int n = spans.size();
    if (input.length < n) {
      input = new SpanData[n];
      ordered = new SpanData[n];
      groupOf = new int[n];
    }
    int i = 0;
    for (SpanData span : spans) {
      if (i == n) {
        break; // the collection grew while we read it; the rest goes with the next batch
      }
      input[i] = span;
      groupOf[i] = groupIndex(resourceIndex(span.resource()), span.scope());
      i++;
    }
    spanCount = n = i;
    Arrays.fill(groupStart, 0, groupCount + 1, 0);
    for (i = 0; i < n; i++) {
      groupStart[groupOf[i] + 1]++;
    }
    for (int g = 0; g < groupCount; g++) {
      groupStart[g + 1] += groupStart[g];
    }
    // place spans; groupStart[g] is advanced while filling, then shifted back
    for (i = 0; i < n; i++) {
      ordered[groupStart[groupOf[i]]++] = input[i];
    }
    for (int g = groupCount; g > 0; g--) {
      groupStart[g] = groupStart[g - 1];
    }
    groupStart[0] = 0;
  }

  private int resourceIndex(Resource resource) {
    for (int r = 0; r < resourceCount; r++) {
      if (resources[r] == resource) {
        return r;
      }
    }
    if (resourceCount == resources.length) {
      resources = Arrays.copyOf(resources, resourceCount * 2);
    }
    resources[resourceCount] = resource;
    return resourceCount++;
  }

  private int groupIndex(int resource, InstrumentationScope scope) {
    for (int g = 0; g < groupCount; g++) {
      if (groupResource[g] == resource && (groupScope[g] == scope || groupScope[g].equals(scope))) {
        return g;
      }
    }
    if (groupCount == groupScope.length) {
      groupResource = Arrays.copyOf(groupResource, groupCount * 2);
      groupScope = Arrays.copyOf(groupScope, groupCount * 2);
      groupStart = Arrays.copyOf(groupStart, groupCount * 2 + 1);
    }
    groupResource[groupCount] = resource;
    groupScope[groupCount] = scope;
    return groupCount++;
  }

  void release() {
    Arrays.fill(input, 0, spanCount, null);
    Arrays.fill(ordered, 0, spanCount, null);
    Arrays.fill(resources, 0, resourceCount, null);
    Arrays.fill(groupScope, 0, groupCount, null);
    spanCount = 0;
  }
}
