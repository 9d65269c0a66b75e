package cn.dibao.application;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stand-by fund pages: staff see their townships' balances; county reviewers top up, audited. */
@IntegrationTest
class ReliefFundPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reviewersTopUpAndEveryoneSeesTheLedger() throws Exception {
        String township = Fixtures.TOWNSHIP_B;
        jdbc.update("insert into relief_fund (township_code, balance) values (?, 0) on conflict do nothing", township);
        BigDecimal before = jdbc.queryForObject("select balance from relief_fund where township_code = ?",
                BigDecimal.class, township);
        MockHttpSession reviewer = Login.demo(mvc, "reviewer");
        mvc.perform(post("/applications/relief-funds/{t}", township).session(reviewer).with(csrf())
                .param("amount", "1234.56").param("note", "追加备用金"))
                .andExpect(redirectedUrl("/applications/relief-funds/" + township));
        assertThat(jdbc.queryForObject("select balance from relief_fund where township_code = ?", BigDecimal.class,
                township)).isEqualByComparingTo(before.add(new BigDecimal("1234.56")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RELIEF_FUND_TOP_UP' "
                + "and entity_id = ? and detail like '%1234.56%'", Integer.class, township)).isPositive();
        // bad amounts are field errors and change nothing
        mvc.perform(post("/applications/relief-funds/{t}", township).session(reviewer).with(csrf())
                .param("amount", "-5").param("note", "x")).andExpect(status().isOk())
                .andExpect(content().string(containsString("金额必须大于 0")));
        mvc.perform(post("/applications/relief-funds/{t}", township).session(reviewer).with(csrf())
                .param("amount", "abc").param("note", "")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select balance from relief_fund where township_code = ?", BigDecimal.class,
                township)).isEqualByComparingTo(before.add(new BigDecimal("1234.56")));
        // the township's caseworker reads the ledger but cannot top up; another township's caseworker sees nothing
        MockHttpSession caseworker2 = Login.demo(mvc, "caseworker2");
        mvc.perform(get("/applications/relief-funds/{t}", township).session(caseworker2)).andExpect(status().isOk())
                .andExpect(content().string(containsString("追加备用金")));
        mvc.perform(post("/applications/relief-funds/{t}", township).session(caseworker2).with(csrf())
                .param("amount", "10").param("note", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/applications/relief-funds/{t}", township).session(Login.demo(mvc, "caseworker")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/applications/relief-funds/{t}", "abc").session(reviewer).with(csrf())
                .param("amount", "10").param("note", "x")).andExpect(status().isNotFound());
    }
}
