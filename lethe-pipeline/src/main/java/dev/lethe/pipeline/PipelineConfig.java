package dev.lethe.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.mask.MaskStyle;
import dev.lethe.pipeline.policy.DomainBlocklist;
import dev.lethe.pipeline.source.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything that decides what a snapshot contains, read from one JSON file (snake_case keys, unknown keys
 * refused) or built in code. Secrets are not configuration: the pseudonym key comes from
 * {@code LETHE_PSEUDONYM_KEY} and the masking key from {@code LETHE_MASK_KEY}, so {@link #hash()} never
 * covers a key.
 *
 * @param crawlerToken         the product token robots.txt groups are matched against
 * @param blocklist            people-search and aggregator domains (default: the shipped list)
 * @param extraBlockedDomains  domains blocked in addition to {@code blocklist}
 * @param licenceAllowlist     partner licences that may be trained on (case-insensitive SPDX ids or terms names)
 * @param operatingPoint       the Privacy Filter's operating point: recall, balanced or precision
 * @param maskStyle            the masking style (not {@code reversible}: a snapshot must not carry a vault of originals)
 * @param phoneRegion          region of phone numbers written without a country code
 * @param maxPiiSpans          drop a document with more masked spans than this (Dolma uses 5); null: never
 * @param maxPiiPer1000Chars   drop a document with more masked spans per 1,000 characters; null: never
 * @param shards               number of output shards
 * @param zstdLevel            zstd compression level of shards and indexes
 * @param maxRecordBytes       longest JSONL line or WARC/WET body read, in bytes; a longer record is excluded
 *                             as unreadable (default {@link ReadLimits#DEFAULT_MAX_RECORD_BYTES}, 8 MiB)
 * @param maxJsonDepth         deepest nesting of a JSONL line; a deeper one is excluded as unreadable
 *                             (default {@link ReadLimits#DEFAULT_MAX_JSON_DEPTH}, 64)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PipelineConfig(String crawlerToken, List<String> blocklist, List<String> extraBlockedDomains,
    List<String> licenceAllowlist, String operatingPoint, String maskStyle, String phoneRegion,
    Integer maxPiiSpans, @JsonProperty("max_pii_per_1000_chars") Double maxPiiPer1000Chars, Integer shards, Integer zstdLevel,
    Integer maxRecordBytes, Integer maxJsonDepth) implements java.io.Serializable {

  /** Licences accepted by default: public-domain dedications and permissive licences that allow training. */
  public static final List<String> DEFAULT_LICENCES =
      List.of("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "ODC-BY-1.0", "PDDL-1.0", "MIT", "Apache-2.0");

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  public PipelineConfig {
    crawlerToken = crawlerToken == null ? "LetheBot" : crawlerToken.strip();
    blocklist = blocklist == null ? DomainBlocklist.defaults() : List.copyOf(blocklist);
    extraBlockedDomains = extraBlockedDomains == null ? List.of() : List.copyOf(extraBlockedDomains);
    licenceAllowlist = licenceAllowlist == null ? DEFAULT_LICENCES : List.copyOf(licenceAllowlist);
    operatingPoint = OperatingPoint.fromId(operatingPoint == null ? "balanced" : operatingPoint).id();
    maskStyle = MaskStyle.fromId(maskStyle == null ? "placeholder" : maskStyle).id();
    phoneRegion = phoneRegion == null ? "US" : phoneRegion;
    shards = shards == null ? 8 : shards;
    zstdLevel = zstdLevel == null ? 3 : zstdLevel;
    maxRecordBytes = maxRecordBytes == null ? ReadLimits.DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
    maxJsonDepth = maxJsonDepth == null ? ReadLimits.DEFAULT_MAX_JSON_DEPTH : maxJsonDepth;
    new ReadLimits(maxRecordBytes, maxJsonDepth);  // checks both
    if (crawlerToken.isEmpty()) {
      throw new IllegalArgumentException("crawler_token must not be empty");
    }
    if (MaskStyle.fromId(maskStyle) == MaskStyle.REVERSIBLE) {
      throw new IllegalArgumentException("mask_style 'reversible' keeps the original values in a vault; a training"
          + " snapshot must not, choose placeholder, numbered, redact, hash or surrogate");
    }
    if (shards < 1 || shards > 4096) {
      throw new IllegalArgumentException("shards must be between 1 and 4096, not " + shards);
    }
    if (maxPiiSpans != null && maxPiiSpans < 0) {
      throw new IllegalArgumentException("max_pii_spans must be 0 or more");
    }
    if (maxPiiPer1000Chars != null && !(maxPiiPer1000Chars >= 0)) {
      throw new IllegalArgumentException("max_pii_per_1000_chars must be 0 or more");
    }
  }

  /** Every default. */
  public static PipelineConfig defaults() {
    return new PipelineConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Reads a configuration file; missing keys take their defaults. */
  public static PipelineConfig read(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), PipelineConfig.class);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException(file + ": " + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  public OperatingPoint point() {
    return OperatingPoint.fromId(operatingPoint);
  }

  public MaskStyle style() {
    return MaskStyle.fromId(maskStyle);
  }

  public PipelineConfig withShards(int n) {
    return new PipelineConfig(crawlerToken, blocklist, extraBlockedDomains, licenceAllowlist, operatingPoint, maskStyle,
        phoneRegion, maxPiiSpans, maxPiiPer1000Chars, n, zstdLevel, maxRecordBytes, maxJsonDepth);
  }

  public PipelineConfig withMaxPiiSpans(Integer n) {
    return new PipelineConfig(crawlerToken, blocklist, extraBlockedDomains, licenceAllowlist, operatingPoint, maskStyle,
        phoneRegion, n, maxPiiPer1000Chars, shards, zstdLevel, maxRecordBytes, maxJsonDepth);
  }

  public PipelineConfig withFilter(String point, String style) {
    return new PipelineConfig(crawlerToken, blocklist, extraBlockedDomains, licenceAllowlist,
        point == null ? operatingPoint : point, style == null ? maskStyle : style,
        phoneRegion, maxPiiSpans, maxPiiPer1000Chars, shards, zstdLevel, maxRecordBytes, maxJsonDepth);
  }

  /** The same configuration with other read limits; null keeps the current value. */
  public PipelineConfig withReadLimits(Integer recordBytes, Integer jsonDepth) {
    return new PipelineConfig(crawlerToken, blocklist, extraBlockedDomains, licenceAllowlist, operatingPoint, maskStyle,
        phoneRegion, maxPiiSpans, maxPiiPer1000Chars, shards, zstdLevel,
        recordBytes == null ? maxRecordBytes : recordBytes, jsonDepth == null ? maxJsonDepth : jsonDepth);
  }

  /** How large and deep one input record may be. */
  public ReadLimits readLimits() {
    return new ReadLimits(maxRecordBytes, maxJsonDepth);
  }

  /** The canonical JSON of this configuration (sorted keys, every default filled in). */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code sha256:<hex>} of {@link #toJson()}: equal configurations, equal hashes. Holds no key. */
  public String hash() {
    try {
      return "sha256:" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(toJson().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
