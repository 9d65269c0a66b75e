package cn.dibao.payout.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts in the run pages' notices: exact to the fen, grouped by thousands like the tables. */
class NoticeMoneyTest {

    @Test
    void amountsAreExactAndGrouped() {
        assertThat(PayoutRunController.money(new BigDecimal("212219"))).isEqualTo("212,219.00");
        assertThat(PayoutRunController.money(new BigDecimal("550163440.82"))).isEqualTo("550,163,440.82");
        assertThat(PayoutRunController.money(new BigDecimal("0.005"))).isEqualTo("0.01");
        assertThat(PayoutRunController.money(new BigDecimal("-12.5"))).isEqualTo("-12.50");
        assertThat(PayoutRunController.money(null)).isEqualTo("0.00");
    }
}
