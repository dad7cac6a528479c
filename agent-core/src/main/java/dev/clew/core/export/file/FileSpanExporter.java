package dev.clew.core.export.file;

import dev.clew.core.config.Config;
import dev.clew.core.export.ExportResult;
import dev.clew.core.export.SpanExporter;
import dev.clew.core.export.otlp.OtlpJsonEncoder;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.SpanData;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;

/**
 * Appends spans to a file, one OTLP/JSON request per line (each with its resource and scope), for
 * {@code java -jar clew-agent.jar view FILE}. When the file would grow past {@code maxBytes} it is
 * renamed to {@code FILE.1} (older ones shift to {@code .2} ... {@code .maxFiles}, the oldest is deleted)
 * and a new file started. A failing disk fails the batch (counted by the processor) and logs a
 * throttled warning; the next batch tries to open the file again.
 */
public final class FileSpanExporter implements SpanExporter {
  public static final String PATH_KEY = "clew.exporter.file.path";
  public static final String MAX_SIZE_KEY = "clew.exporter.file.max-size";
  public static final String MAX_FILES_KEY = "clew.exporter.file.max-files";
  public static final String DEFAULT_PATH = "clew-spans.jsonl";
  public static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_FILES = 5;

  private final File file;
  private final long maxBytes;
  private final int maxFiles;
  private final OtlpJsonEncoder encoder = new OtlpJsonEncoder();
  private OutputStream out;
  private long size;

  public FileSpanExporter(File file, long maxBytes, int maxFiles) {
    this.file = file;
    this.maxBytes = Math.max(1, maxBytes);
    this.maxFiles = Math.max(0, maxFiles);
  }

  public static FileSpanExporter fromConfig(Config config) {
    String path = config.getString(PATH_KEY, DEFAULT_PATH);
    long maxSize = config.getPositiveLong(MAX_SIZE_KEY, DEFAULT_MAX_SIZE);
    int maxFiles = config.getNonNegativeInt(MAX_FILES_KEY, DEFAULT_MAX_FILES);
    return new FileSpanExporter(new File(path), maxSize, maxFiles);
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    try {
      for (SpanData span : spans) {
        byte[] line = encoder.encodeLine(span);
        if (out != null && size > 0 && size + line.length > maxBytes) {
          rotate();
        }
        if (out == null) {
          open();
        }
        out.write(line);
        size += line.length;
      }
      if (out != null) {
        out.flush();
      }
      return ExportResult.SUCCESS;
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      AgentLog.warnThrottled("export-file", "cannot write spans to " + file + " (" + PATH_KEY + "): " + e);
      return ExportResult.FAILURE; // a full disk or a bad path: holding spans back would not help

    }
  }

  private void open() throws IOException {
    File dir = file.getAbsoluteFile().getParentFile();
    if (dir != null && !dir.isDirectory() && !dir.mkdirs() && !dir.isDirectory()) {
      throw new IOException("cannot create directory " + dir);
    }
    out = new FileOutputStream(file, true);
    size = file.length();
    if (size >= maxBytes) {
      rotate();
      out = new FileOutputStream(file, true);
      size = 0;
    }
  }

  /** Closes the current file and shifts FILE → FILE.1 → FILE.2 ...; the next write opens a new file. */
  private void rotate() throws IOException {
    closeQuietly();
    if (maxFiles == 0) {
      delete(file);
    } else {
      delete(numbered(maxFiles));
      for (int i = maxFiles - 1; i >= 1; i--) {
        File from = numbered(i);
        if (from.exists() && !from.renameTo(numbered(i + 1))) {
          throw new IOException("cannot rename " + from + " to " + numbered(i + 1));
        }
      }
      if (file.exists() && !file.renameTo(numbered(1))) {
        throw new IOException("cannot rename " + file + " to " + numbered(1));
      }
    }
    size = 0;
  }

  private File numbered(int i) {
    return new File(file.getPath() + "." + i);
  }

  private static void delete(File f) throws IOException {
    if (f.exists() && !f.delete()) {
      throw new IOException("cannot delete " + f);
    }
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the data is already counted as failed or written; nothing more to do
      }
      out = null;
    }
  }

  @Override
  public void shutdown() {
    closeQuietly();
  }

  @Override
  public String name() {
    return "file";
  }

  @Override
  public String toString() {
    return "file exporter to " + file.getAbsolutePath() + " (rotated at " + maxBytes + " bytes, " + maxFiles
        + " old files kept)";
  }
}
