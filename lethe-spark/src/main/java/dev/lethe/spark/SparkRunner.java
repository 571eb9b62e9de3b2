package dev.lethe.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a Lethe job. */
public final class SparkRunner {
  private SparkRunner() {}

  /**
   * A session on {@code master} ({@code local[2]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://...}); with
   * {@code master} null, the one spark-submit configured. Java serialisation for records (they are Java records,
   * which Kryo cannot build), no web UI for local masters.
   */
  public static SparkSession session(String master, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
      if (master.startsWith("local")) {
        conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    SparkSession s = SparkSession.builder().config(conf).getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }
}
