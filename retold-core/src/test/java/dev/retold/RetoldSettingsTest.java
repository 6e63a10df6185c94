package dev.retold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Settings are checked once, in {@code build()}, each refusal naming the setting and the value. */
class RetoldSettingsTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    RetoldSettings settings = RetoldSettings.defaults();
    assertThat(settings.copies().shingleSize()).isEqualTo(3);
    assertThat(settings.copies().minHashComponents()).isEqualTo(128);
    assertThat(settings.copies().lshThreshold()).isEqualTo(0.5);
    assertThat(settings.copies().nearDuplicateJaccard()).isEqualTo(0.7);
    assertThat(settings.copies().derivedContainment()).isEqualTo(0.15);
    assertThat(settings.copies().derivedMinShared()).isEqualTo(20);
    assertThat(settings.copies().maxDocumentFrequency()).isEqualTo(50);
    assertThat(settings.copies().originAsymmetry()).isEqualTo(1.2);
    assertThat(settings.stories().threshold()).isEqualTo(0.12);
    assertThat(settings.stories().cohesion()).isEqualTo(0.7);
    assertThat(settings.stories().minSimilarity()).isEqualTo(0.15);
    assertThat(settings.stories().backgroundFrom()).isEqualTo(10);
    assertThat(settings.stories().backgroundTo()).isEqualTo(50);
    assertThat(settings.stories().embedder()).isEmpty();
    assertThat(settings.stories().leadChars()).isEqualTo(256);
    assertThat(settings.stories().topTerms()).isEqualTo(30);
    assertThat(settings.stories().dateWindowDays()).isEqualTo(120);
    assertThat(settings.stories().copiedCosine()).isEqualTo(0.6);
    assertThat(settings.evidence().passageMinWords()).isEqualTo(6);
    assertThat(settings.evidence().maxPassages()).isEqualTo(10);
    assertThat(settings.loading().maxFileBytes()).isEqualTo(16L << 20);
    assertThat(settings.loading().followLinks()).isTrue();
    assertThat(settings.loading().followLinksOutside()).isFalse();
    assertThat(settings.canonicalRule()).isEqualTo(CanonicalRule.ORIGIN);
    assertThat(settings.seed()).isEqualTo(0x5EEDL);
    assertThat(settings.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void aBuilderFromSettingsGivesTheSameSettings() {
    Retold retold =
        Retold.builder()
            .storyThreshold(0.3)
            .storyCohesion(0.5)
            .copiedCosine(0.2)
            .maxPassages(3)
            .maxFileBytes(1000)
            .followLinksOutside(true)
            .canonicalRule(CanonicalRule.EARLIEST)
            .seed(9)
            .threads(3)
            .build();
    assertThat(retold.toBuilder().build().settings()).isEqualTo(retold.settings());
    assertThat(retold.toBuilder().build().settings().hashCode())
        .isEqualTo(retold.settings().hashCode());
    assertThat(retold.settings()).isNotEqualTo(RetoldSettings.defaults());
    assertThat(retold.settings().toString())
        .contains("threshold=0.3", "cohesion=0.5", "maxPassages=3", "followLinksOutside=true");
  }

  @Test
  void eachLinkSettingCountsInEquality() {
    RetoldSettings.Loading inside = RetoldSettings.defaults().loading();
    RetoldSettings.Loading none = Retold.builder().followLinks(false).build().settings().loading();
    RetoldSettings.Loading all =
        Retold.builder().followLinksOutside(true).build().settings().loading();
    assertThat(List.of(inside, none, all)).doesNotHaveDuplicates();
    assertThat(Set.of(inside.hashCode(), none.hashCode(), all.hashCode())).hasSize(3);
    assertThat(none.toString())
        .isEqualTo("Loading[maxFileBytes=16777216, followLinks=false, followLinksOutside=false]");
  }

  static Stream<Arguments> impossibleSettings() {
    return Stream.of(
        refused(b -> b.shingleSize(0), "shingleSize must be > 0: 0"),
        refused(b -> b.minHashComponents(70_000), "minHashComponents must be in [1, 65536]: 70000"),
        refused(b -> b.lshThreshold(1.0), "lshThreshold must be in (0, 1): 1.0"),
        refused(b -> b.nearDuplicateJaccard(1.5), "nearDuplicateJaccard must be in (0, 1]: 1.5"),
        refused(
            b -> b.derivedContainment(0.8),
            "derivedContainment must be <= nearDuplicateJaccard: 0.8 > 0.7"),
        refused(b -> b.derivedMinShared(0), "derivedMinShared must be > 0: 0"),
        refused(b -> b.maxDocumentFrequency(1), "maxDocumentFrequency must be >= 2: 1"),
        refused(b -> b.originAsymmetry(1.0), "originAsymmetry must be > 1: 1.0"),
        refused(b -> b.storyThreshold(0), "storyThreshold must be in (0, 1]: 0.0"),
        refused(b -> b.storyCohesion(-0.1), "storyCohesion must be in [0, 1]: -0.1"),
        refused(b -> b.storyMinSimilarity(Double.NaN), "storyMinSimilarity must be in (0, 1]: NaN"),
        refused(b -> b.storyBackgroundFrom(0), "storyBackgroundFrom must be > 0: 0"),
        refused(
            b -> b.storyBackgroundFrom(20).storyBackgroundTo(10),
            "storyBackgroundTo must be >= storyBackgroundFrom: 10 < 20"),
        refused(b -> b.leadChars(0), "leadChars must be > 0: 0"),
        refused(b -> b.storyTopTerms(-1), "storyTopTerms must be > 0: -1"),
        refused(b -> b.dateWindowDays(-1), "dateWindowDays must be >= 0: -1"),
        refused(b -> b.copiedCosine(1.5), "copiedCosine must be in [0, 1]: 1.5"),
        refused(b -> b.passageMinWords(0), "passageMinWords must be > 0: 0"),
        refused(b -> b.maxPassages(0), "maxPassages must be > 0: 0"),
        refused(b -> b.maxFileBytes(0), "maxFileBytes must be in [1, 2147483639]: 0"),
        refused(
            b -> b.maxFileBytes(3L << 30), "maxFileBytes must be in [1, 2147483639]: 3221225472"),
        refused(
            b -> b.followLinks(false).followLinksOutside(true),
            "followLinksOutside needs followLinks: followLinksOutside=true, followLinks=false"),
        refused(b -> b.threads(0), "threads must be > 0: 0"));
  }

  private static Arguments refused(UnaryOperator<Retold.Builder> setting, String message) {
    return Arguments.of(setting, message);
  }

  @ParameterizedTest
  @MethodSource("impossibleSettings")
  void anImpossibleValueFailsInBuildNamingTheSetting(
      UnaryOperator<Retold.Builder> setting, String message) {
    Retold.Builder builder = setting.apply(Retold.builder());
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void aMissingCanonicalRuleIsRefused() {
    assertThatThrownBy(() -> Retold.builder().canonicalRule(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("canonicalRule");
  }
}
