package cn.dibao.application;

import cn.dibao.common.identity.IdType;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.PersonData;
import cn.dibao.support.AsStaff;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A case through the pages as a caseworker and a reviewer would click it, with errors shown on the right form. */
@IntegrationTest
class ApplicationPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    HouseholdService households;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    long householdId;
    long headId;

    @BeforeEach
    void household() {
        AsStaff.run(users, "caseworker", () -> {
            householdId = households.create(new NewHousehold(
                    new HouseholdData(Fixtures.VILLAGE_A, "申请页面测试路 1 号", HukouType.URBAN, null, null, Set.of()),
                    PersonData.of("页面申请人", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1975, 3, 1), true))));
            headId = households.file(householdId).members().get(0).personId();
            households.addIncome(householdId, new IncomeData(headId, IncomeCategory.WAGE, "零工",
                    new BigDecimal("300.00"), LocalDate.of(2026, 1, 1), null, null));
        });
        jdbc.update("update household_member set joined_on = date '2025-01-01' where household_id = ?", householdId);
    }

    @Test
    void aCaseGoesFromTheWindowToTheDecisionThroughThePages() throws Exception {
        MockHttpSession caseworker = Login.demo(mvc, "caseworker");
        mvc.perform(get("/applications/new").param("householdId", String.valueOf(householdId)).session(caseworker))
                .andExpect(status().isOk()).andExpect(content().string(containsString("页面申请人")));

        // incomplete materials: registered as 退回补正 with the 一次性告知书
        String location = mvc.perform(post("/applications").session(caseworker).with(csrf())
                        .param("householdId", String.valueOf(householdId)).param("applicantPersonId", String.valueOf(headId))
                        .param("assistanceType", "DIBAO").param("channel", "WINDOW")
                        .param("receivedOn", LocalDate.now().toString()).param("materials", "ID_CARD", "APPLICATION_FORM"))
                .andExpect(redirectedUrlPattern("/applications/*")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).session(caseworker)).andExpect(status().isOk())
                .andExpect(content().string(containsString("退回补正")))
                .andExpect(content().string(containsString("家庭收入情况说明")));
        mvc.perform(post(location + "/supplement").session(caseworker).with(csrf())
                        .param("materials", "PROMISE", "AUTHORISATION", "INCOME_PROOF"))
                .andExpect(redirectedUrlPattern("/applications/*"));
        mvc.perform(post(location + "/start-investigation").session(caseworker).with(csrf()))
                .andExpect(redirectedUrlPattern("/applications/*"));

        // one investigator is not enough: the error is shown on the visit form, nothing saved
        mvc.perform(post(location + "/home-visits").session(caseworker).with(csrf())
                        .param("visitedOn", LocalDate.now().toString()).param("investigators", "王五")
                        .param("findings", "家中陈设简陋"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("至少 2 名调查人员")));
        mvc.perform(post(location + "/home-visits").session(caseworker).with(csrf())
                        .param("visitedOn", "").param("investigators", "王五、赵六").param("findings", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写调查情况")))
                .andExpect(content().string(containsString("请填写日期")));
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("select count(*) from home_visit where application_id = ?", Integer.class, id))
                .isZero();
        mvc.perform(post(location + "/home-visits").session(caseworker).with(csrf())
                        .param("visitedOn", LocalDate.now().toString()).param("investigators", "王五、赵六")
                        .param("findings", "家中陈设简陋").param("applicantSigned", "true"))
                .andExpect(redirectedUrlPattern("/applications/*"));
        // submitting before the 核对 result is refused with the reason
        mvc.perform(post(location + "/submit-investigation").session(caseworker).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("逢进必核")));
        mvc.perform(post(location + "/verification-requests").session(caseworker).with(csrf()))
                .andExpect(redirectedUrlPattern("/applications/*"));
        mvc.perform(post(location + "/verification-result").session(caseworker).with(csrf())
                        .param("outcome", "CONSISTENT").param("result", "与申报一致"))
                .andExpect(redirectedUrlPattern("/applications/*"));
        mvc.perform(post(location + "/submit-investigation").session(caseworker).with(csrf()))
                .andExpect(redirectedUrlPattern("/applications/*"));
        // malformed values on the review form: field errors on the page, the case stays where it was
        mvc.perform(post(location + "/township-review").session(caseworker).with(csrf())
                        .param("month", "七月").param("eligible", "maybe").param("opinion", "")
                        .param("amount", "abc").param("deliberationSize", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"review-form\"")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(jdbc.queryForObject("select state from application where id = ?", String.class, id))
                .isEqualTo("TOWNSHIP_REVIEW");
        mvc.perform(post(location + "/township-review").session(caseworker).with(csrf())
                        .param("month", "2026-07").param("eligible", "true").param("opinion", "符合低保条件")
                        .param("location", "村务公开栏"))
                .andExpect(redirectedUrlPattern("/applications/*"));
        mvc.perform(get(location).session(caseworker)).andExpect(status().isOk())
                .andExpect(content().string(containsString("公示中")))
                .andExpect(content().string(containsString("555")));  // 855 − 300
        // the 公示 shows the name, size, category and amount, never the ID number; it also comes as a PDF
        String idNumber = jdbc.queryForObject("select id_number from person where id = ?", String.class, headId);
        mvc.perform(get(location + "/notices/publicity").session(caseworker)).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面申请人")))
                .andExpect(content().string(not(containsString(idNumber))))
                .andExpect(content().string(not(containsString(idNumber.substring(0, 6)))));
        byte[] pdf = mvc.perform(get(location + "/notices/publicity.pdf").session(caseworker))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("页面申请人").contains("审核公示").doesNotContain(idNumber);
        }
        // notices the case has not reached do not exist
        mvc.perform(get(location + "/notices/approval").session(caseworker)).andExpect(status().isNotFound());

        // a reason-only step without a reason: the error is on that form only
        mvc.perform(post(location + "/withdraw").session(caseworker).with(csrf()).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写理由")));

        // the caseworker cannot see the approve form; the reviewer (another person) sees the case
        MockHttpSession reviewer = Login.demo(mvc, "reviewer");
        mvc.perform(get(location).session(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"objection-form\""))));
        MockHttpSession other = Login.demo(mvc, "caseworker2");
        mvc.perform(get(location).session(other)).andExpect(status().isNotFound());
    }
}
