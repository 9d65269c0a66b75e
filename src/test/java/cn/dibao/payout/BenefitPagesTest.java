package cn.dibao.payout;

import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The benefit page: versions, 追回, and a county reviewer's 增发/减发/停发/暂停/恢复 and 渐退期 forms. */
@IntegrationTest
class BenefitPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;

    private int versions(long benefitId) {
        return jdbc.queryForObject("select count(*) from benefit_version where benefit_id = ?", Integer.class, benefitId);
    }

    private String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aStopForADeathTakesEffectTheMonthAfter() throws Exception {
        PayoutWebFixture f = new PayoutWebFixture(jdbc, users, fixtures);
        MockHttpSession reviewer = f.login(mvc, f.generator);
        String url = "/benefits/" + f.b1;
        assertThat(page(url, reviewer)).contains("id=\"versions\"").contains("审核确认").contains("500.10")
                .contains("id=\"change-form\"").contains("id=\"gradual-form\"").contains("发放中");

        mvc.perform(post(url + "/changes").session(reviewer).with(csrf()).param("kind", "STOP")
                        .param("effective", "").param("reasonCode", "DEATH").param("deathDate", "2026-03-15")
                        .param("reason", "本人于 2026 年 3 月 15 日死亡，死亡证明已核实"))
                .andExpect(redirectedUrl(url));
        assertThat(jdbc.queryForObject("""
                select valid_from from benefit_version where benefit_id = ? and change_kind = 'STOP'""",
                LocalDate.class, f.b1)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(jdbc.queryForObject("select status from benefit where id = ?", String.class, f.b1))
                .isEqualTo("STOPPED");
        String after = page(url, reviewer);
        assertThat(after).contains("停发").contains("2026-04 起").contains("死亡").contains("2026-01 至 2026-03");

        // a death date in the future, or a death with another kind of change, is refused on its field
        mvc.perform(post("/benefits/" + f.b2 + "/changes").session(reviewer).with(csrf()).param("kind", "STOP")
                        .param("reasonCode", "DEATH").param("deathDate", LocalDate.now().plusDays(3).toString())
                        .param("reason", "死亡"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("死亡日期不能晚于今天")));
        mvc.perform(post("/benefits/" + f.b2 + "/changes").session(reviewer).with(csrf()).param("kind", "SUSPEND")
                        .param("effective", "2026-06").param("reasonCode", "DEATH").param("deathDate", "2026-03-15")
                        .param("reason", "死亡"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("因死亡只能停发")));
        mvc.perform(post("/benefits/" + f.b2 + "/changes").session(reviewer).with(csrf()).param("kind", "STOP")
                        .param("reasonCode", "DEATH").param("deathDate", "2026-02-30").param("reason", "死亡"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请按 年-月-日 格式填写日期")));
        assertThat(versions(f.b2)).isEqualTo(1);
    }

    @Test
    void moneyPaidBackIsRecordedAgainstWhatIsOwed() throws Exception {
        PayoutWebFixture f = new PayoutWebFixture(jdbc, users, fixtures);
        MockHttpSession reviewer = f.login(mvc, f.generator);
        String url = "/benefits/" + f.b1;
        assertThat(page(url, reviewer)).doesNotContain("id=\"repayment-form\"");
        // owed as a run records it when a stop reaches back over a paid month
        jdbc.update("insert into benefit_overpayment (benefit_id, month, amount, run_id) values (?, date '2026-03-01', 500.10, 0)",
                f.b1);
        assertThat(page(url, reviewer)).contains("id=\"repayment-form\"").contains("待追回 500.10 元");
        for (String[] bad : new String[][] {{"500.11", "2026-07-20", "收据 1", "退回金额不能超过待追回的 500.10 元"},
                {"abc", "2026-07-20", "收据 1", "repayment-amount"}, {"10", "2026-02-30", "收据 1", "请按 年-月-日 格式填写日期"},
                {"10", "2026-07-20", "", "请填写退回方式或凭证"}}) {
            mvc.perform(post(url + "/repayments").session(reviewer).with(csrf()).param("amount", bad[0])
                            .param("paidOn", bad[1]).param("note", bad[2]))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(bad[3])))
                    .andExpect(content().string(containsString("is-invalid")));
        }
        assertThat(jdbc.queryForObject("select count(*) from benefit_repayment where benefit_id = ?", Integer.class,
                f.b1)).isZero();
        mvc.perform(post(url + "/repayments").session(reviewer).with(csrf()).param("amount", "500.10")
                        .param("paidOn", "2026-07-20").param("note", "家属到窗口退回，收据号 0712"))
                .andExpect(redirectedUrl(url));
        assertThat(page(url, reviewer)).contains("id=\"benefit-repaid\"").contains("待追回 0.00 元")
                .doesNotContain("id=\"repayment-form\"");
    }

    @Test
    void badValuesOnTheChangeFormsGiveFieldErrorsAndChangeNothing() throws Exception {
        PayoutWebFixture f = new PayoutWebFixture(jdbc, users, fixtures);
        f.localStandard(jdbc);
        MockHttpSession reviewer = f.login(mvc, f.generator);
        String url = "/benefits/" + f.b2 + "/changes";
        String next = YearMonth.now().plusMonths(1).toString();
        String[][] bad = {
                {"INCREASE", next, "abc", "理由", "请填写数字金额"},
                {"INCREASE", next, "-5", "理由", "金额须为不小于 0 的数，最多两位小数"},
                {"INCREASE", next, "400.005", "理由", "金额须为不小于 0 的数，最多两位小数"},
                {"INCREASE", next, "1e9999", "理由", "金额须为不小于 0 的数，最多两位小数"},
                {"INCREASE", next, "200.00", "理由", "增发后的金额须高于现发放金额 300.25 元"},
                {"DECREASE", next, "400.00", "理由", "减发后的金额须低于现发放金额 300.25 元"},
                {"INCREASE", next, "400.00", "", "请填写变更理由和依据"},
                {"INCREASE", "2026-13", "400.00", "理由", "请按 年-月 格式填写月份"},
                {"INCREASE", "", "400.00", "理由", "请填写生效月份"},
                {"INCREASE", "2020-01", "400.00", "理由", "生效月份不能早于待遇起始月份 2026-01"},
                {"RESUME", next, "", "理由", "生效月份该待遇不在暂停中"},
                {"APPROVAL", next, "", "理由", "请选择变更类型"},
                {"NONSENSE", next, "", "理由", "格式不正确"},
                {"", next, "", "理由", "请选择变更类型"}};
        for (String[] b : bad) {
            mvc.perform(post(url).session(reviewer).with(csrf()).param("kind", b[0]).param("effective", b[1])
                            .param("gap", b[2]).param("reasonCode", "INCOME").param("reason", b[3]))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"change-form\"")))
                    .andExpect(content().string(containsString(b[4])));
        }
        // what was typed is kept
        mvc.perform(post(url).session(reviewer).with(csrf()).param("kind", "INCREASE").param("effective", next)
                        .param("gap", "abc").param("topup", "12.50").param("reasonCode", "INCOME").param("reason", "收入下降"))
                .andExpect(content().string(containsString("value=\"abc\"")))
                .andExpect(content().string(containsString("value=\"12.50\"")))
                .andExpect(content().string(containsString("收入下降")));
        mvc.perform(post(url).session(reviewer).with(csrf()).param("kind", "INCREASE").param("effective", next)
                        .param("gap", "400").param("reasonCode", "BRIBE").param("reason", "理由"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("变更原因类别无效")));

        String gradual = "/benefits/" + f.b2 + "/gradual-exit";
        String[][] badGradual = {
                {next, "", "50", "就业", "请填写渐退期月数"},
                {next, "99", "50", "就业", "渐退期须为 1 至 6 个月"},
                {next, "x", "50", "就业", "请填写整数"},
                {next, "99999999999", "50", "就业", "请填写整数"},
                {next, "3", "150", "就业", "渐退期发放比例须大于 0、不超过 100%"},
                {next, "3", "", "就业", "渐退期发放比例须大于 0、不超过 100%"},
                {next, "3", "50", " ", "请填写变更理由和依据"},
                {"", "3", "50", "就业", "请填写生效月份"}};
        for (String[] g : badGradual) {
            mvc.perform(post(gradual).session(reviewer).with(csrf()).param("effective", g[0]).param("months", g[1])
                            .param("ratioPct", g[2]).param("reason", g[3]))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"gradual-form\"")))
                    .andExpect(content().string(containsString(g[4])));
        }
        assertThat(versions(f.b2)).isEqualTo(1);

        // the good ones: an increase from next month, then a 渐退期 from the month after
        mvc.perform(post(url).session(reviewer).with(csrf()).param("kind", "INCREASE").param("effective", next)
                        .param("gap", "350.00").param("topup", "20").param("reasonCode", "INCOME").param("reason", "收入下降"))
                .andExpect(redirectedUrl("/benefits/" + f.b2));
        String after = YearMonth.parse(next).plusMonths(1).toString();
        mvc.perform(post(gradual).session(reviewer).with(csrf()).param("effective", after).param("months", "3")
                        .param("ratioPct", "50").param("reason", "已就业，收入超过标准"))
                .andExpect(redirectedUrl("/benefits/" + f.b2));
        String page = page("/benefits/" + f.b2, reviewer);
        assertThat(page).contains("增发").contains("370.00").contains("渐退期").contains("已就业，收入超过标准");
    }

    @Test
    void readersSeeTheBenefitWithoutFormsAndTheHouseholdLinksToIt() throws Exception {
        PayoutWebFixture f = new PayoutWebFixture(jdbc, users, fixtures);
        MockHttpSession caseworker = f.login(mvc, f.caseworker);
        String page = page("/benefits/" + f.b1, caseworker);
        assertThat(page).contains("id=\"versions\"").doesNotContain("id=\"change-form\"")
                .doesNotContain("id=\"gradual-form\"");
        mvc.perform(post("/benefits/" + f.b1 + "/changes").session(caseworker).with(csrf()).param("kind", "STOP")
                        .param("effective", "2026-06").param("reason", "理由"))
                .andExpect(status().isForbidden());
        assertThat(versions(f.b1)).isEqualTo(1);
        // township B is not the caseworker's
        mvc.perform(get("/benefits/" + f.b3).session(caseworker)).andExpect(status().isNotFound());
        mvc.perform(get("/benefits/abc").session(caseworker)).andExpect(status().isNotFound());
        mvc.perform(get("/benefits/99999999999999999999").session(caseworker)).andExpect(status().isNotFound());

        assertThat(page("/households/" + f.h1[0], caseworker)).contains("id=\"benefit-table\"")
                .contains("href=\"/benefits/" + f.b1 + "\"");

        // a reviewer of another county does not find it
        PayoutTestCounty other = PayoutTestCounty.create(jdbc, users);
        MockHttpSession stranger = f.login(mvc, other.reviewer(fixtures));
        mvc.perform(get("/benefits/" + f.b1).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(post("/benefits/" + f.b1 + "/changes").session(stranger).with(csrf()).param("kind", "STOP")
                        .param("effective", "2026-06").param("reason", "理由"))
                .andExpect(status().isNotFound());
    }
}
