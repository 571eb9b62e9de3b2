package dev.lethe.cli;

import dev.lethe.pipeline.run.Runner;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where build, forget and verify run: {@code --runner local} (this JVM, the default) or {@code --runner spark}
 * (Apache Spark, {@code --master local[2]} on this machine). The Spark runner lives in lethe-spark's job jar, not in
 * lethe.jar: when it is not on the class path, the command is run again, as is, in a JVM with the job jar and Spark's
 * jars ({@code lethe-spark/target/spark-lib/}, or {@code $SPARK_HOME/jars}), which finds the runner as a service.
 */
final class RunnerOptions {
  /** Set in the relaunched JVM, so that a job jar without the runner fails instead of relaunching again. */
  private static final String CHILD = "LETHE_SPARK_CHILD";

  @Option(names = "--runner", paramLabel = "NAME", defaultValue = "local",
      description = "local (default: this JVM) | spark (Apache Spark, lethe-spark's job jar).")
  String runner;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for --runner spark: local[2], spark://host:7077, yarn, k8s://... (default: what spark-submit set, else local[*]).")
  String master;

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  /** Whether this JVM cannot run the chosen runner and the command must be run again with the job jar. */
  boolean relaunch() {
    if (runner.equals("local")) {
      return false;
    }
    if (!runner.equals("spark")) {
      throw new IllegalArgumentException("unknown --runner " + runner + ": local or spark");
    }
    if (Runner.find(runner) != null) {
      return false;
    }
    if (System.getenv(CHILD) != null) {
      throw new IllegalStateException("the job jar holds no '" + runner + "' runner: rebuild lethe-spark");
    }
    return true;
  }

  /** The chosen runner, in this JVM; close it when done. */
  Runner open(int threads) {
    if (runner.equals("local")) {
      return Runner.local(threads);
    }
    String m = master != null ? master : System.getProperty("spark.master") != null ? null : "local[*]";
    return Runner.find(runner).open(m);
  }

  /** Runs the same command line in a JVM with the Spark job jar; returns its exit code. */
  int relaunchNow() throws IOException, InterruptedException {
    Path job = jobJar();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv("LETHE_JAVA_OPTS");
    cmd.addAll(Arrays.asList((opts == null || opts.isBlank() ? "-Xmx2g" : opts).trim().split("\\s+")));
    cmd.addAll(jvmFlags(job));
    cmd.add("-cp");
    cmd.add(job + File.pathSeparator + sparkJars(job));
    cmd.add(Main.class.getName());
    cmd.addAll(mixee.root().commandLine().getParseResult().originalArgs());
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    pb.environment().put(CHILD, "1");
    return pb.start().waitFor();
  }

  /** {@code LETHE_SPARK_JOB}, else {@code lethe-spark/target/lethe-spark-job.jar} of the checkout lethe.jar came from. */
  private static Path jobJar() {
    String env = System.getenv("LETHE_SPARK_JOB");
    Path job;
    if (env != null) {
      job = Path.of(env);
    } else {
      try {
        Path cli = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        job = cli.toAbsolutePath().getParent().getParent().getParent().resolve("lethe-spark/target/lethe-spark-job.jar");
      } catch (URISyntaxException | RuntimeException e) {
        job = Path.of("lethe-spark/target/lethe-spark-job.jar");
      }
    }
    if (!Files.isRegularFile(job)) {
      throw new IllegalStateException("no Spark job jar at " + job + ": build it with 'mvn -B -pl lethe-spark -am package"
          + " -DskipTests', or set LETHE_SPARK_JOB");
    }
    return job;
  }

  /** Spark's jars: {@code $SPARK_HOME/jars}, else {@code spark-lib/} beside the job jar. */
  private static String sparkJars(Path job) {
    String home = System.getenv("SPARK_HOME");
    Path dir = home != null ? Path.of(home, "jars") : job.toAbsolutePath().getParent().resolve("spark-lib");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no Spark jars at " + dir + ": set SPARK_HOME or build lethe-spark with package");
    }
    return dir + File.separator + "*";
  }

  /** The JVM flags Spark needs on Java 17, as lethe-spark's build recorded them in its job jar. */
  private static List<String> jvmFlags(Path job) throws IOException {
    try (ZipFile zip = new ZipFile(job.toFile())) {
      ZipEntry e = zip.getEntry("dev/lethe/spark/jvm-flags.txt");
      if (e == null) {
        return List.of();
      }
      try (InputStream in = zip.getInputStream(e)) {
        return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+"));
      }
    }
  }
}
