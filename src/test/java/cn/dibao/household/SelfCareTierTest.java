package cn.dibao.household;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SelfCareTierTest {

    /** Six items with the first {@code failed} of them failed. */
    private static Boolean[] items(int failed) {
        Boolean[] items = new Boolean[6];
        Arrays.fill(items, Boolean.TRUE);
        for (int i = 0; i < failed; i++) {
            items[i] = Boolean.FALSE;
        }
        return items;
    }

    @ParameterizedTest(name = "{0} failed → {1}")
    @CsvSource({"0, SELF_CARE", "1, PARTIAL", "2, PARTIAL", "3, PARTIAL", "4, FULL", "5, FULL", "6, FULL"})
    void tierFollowsTheNumberOfFailedItems(int failed, SelfCareTier expected) {
        assertThat(SelfCareTier.of(items(failed))).isEqualTo(expected);
    }

    @Test
    void whichItemsFailDoesNotMatter() {
        assertThat(SelfCareTier.of(true, true, true, true, true, false)).isEqualTo(SelfCareTier.PARTIAL);
        assertThat(SelfCareTier.of(true, false, true, false, true, false)).isEqualTo(SelfCareTier.PARTIAL);
        assertThat(SelfCareTier.of(false, true, false, false, true, false)).isEqualTo(SelfCareTier.FULL);
    }

    @Test
    void anyUnknownItemMeansNotAssessed() {
        for (int i = 0; i < 6; i++) {
            for (int failed = 0; failed <= 6; failed++) {
                Boolean[] items = items(failed);
                items[i] = null;
                assertThat(SelfCareTier.of(items)).as("item %d unknown, %d failed", i, failed).isNull();
            }
        }
        assertThat(SelfCareTier.of(null, null, null, null, null, null)).isNull();
    }
}
