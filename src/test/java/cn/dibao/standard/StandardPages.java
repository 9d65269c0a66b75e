package cn.dibao.standard;

import cn.dibao.engine.Programme;
import cn.dibao.support.Fixtures;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Logins, a complete valid standard form as a browser posts it, and reading inputs back from a page. */
final class StandardPages {

    private StandardPages() {
    }

    static MockHttpSession login(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", Fixtures.DEMO_PASSWORD)).andReturn();
        assertThat(result.getResponse().getStatus()).as("login of %s", username).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).as("login of %s", username).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Runs service code as a staff member, as a request would. */
    static <T> T as(UserDetailsService users, String username, Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Every field of a valid version from March 2027 for both hukou types, 低保 870 and 特困 1131
     * (= 1.3 × 870); checkboxes with Spring's "_" markers as th:field renders them.
     */
    static Map<String, String> validForm() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("effectiveFrom", "2027-03");
        p.put("hukouType", "");
        p.put("note", "测试文件");
        p.put("dibao.dibaoStandard", "870");
        p.put("dibao.roundingRule", "UP_YUAN");
        p.put("dibao.minBenefit", "0");
        p.put("dibao.incomeReferenceMonths", "6");
        p.put("dibao.employmentCostPct", "0");
        p.put("dibao.deductMedical", "true");
        p.put("dibao.deductEducation", "true");
        p.put("dibao.deductRehabilitation", "true");
        p.put("topUps.topupElderlyMode", "FIXED");
        p.put("topUps.topupElderlyValue", "50");
        p.put("topUps.topupMinorMode", "FIXED");
        p.put("topUps.topupMinorValue", "50");
        p.put("topUps.topupDisabilityMode", "FIXED");
        p.put("topUps.topupDisabilityValue", "100");
        p.put("topUps.topupIllnessMode", "FIXED");
        p.put("topUps.topupIllnessValue", "100");
        p.put("topUps.topupStacking", "ONCE");
        p.put("topUps.topupElderlyAge", "60");
        p.put("topUps.topupMinorAge", "18");
        p.put("property.moneyAssetsMultiple", "3");
        p.put("property.maxVehicles", "0");
        p.put("property.maxVehicleValue", "");
        p.put("property.maxHomes", "1");
        p.put("property.maxFloorAreaPerPerson", "");
        p.put("property.maxBusinessCapital", "100000");
        p.put("property.maxOtherAssets", "");
        p.put("property.recentHomeYears", "");
        p.put("property.maxNonResidential", "");
        // each programme's property limits as the page shows them (低保's; no box ticked: they follow 低保)
        for (String section : ProgrammeProperty.SECTIONS) {
            String k = "propertyByProgramme." + section + ".";
            p.put(k + "moneyAssetsMultiple", "3");
            p.put(k + "maxVehicles", "0");
            p.put(k + "maxVehicleValue", "");
            p.put(k + "maxHomes", "1");
            p.put(k + "maxFloorAreaPerPerson", "");
            p.put(k + "maxBusinessCapital", "100000");
            p.put(k + "maxOtherAssets", "");
            p.put(k + "recentHomeYears", "");
            p.put(k + "maxNonResidential", "");
        }
        p.put("tekun.tekunBasic", "1131");
        p.put("tekun.tekunCareHomeFull", "1480");
        p.put("tekun.tekunCareHomePartial", "370");
        p.put("tekun.tekunCareHomeSelf", "185");
        p.put("tekun.tekunCareInstFull", "2220");
        p.put("tekun.tekunCareInstPartial", "555");
        p.put("tekun.tekunCareInstSelf", "278");
        p.put("tekun.tekunMinorAge", "18");
        p.put("tekun.tekunSchoolAge", "25");
        p.put("edge.edgeMultiplier", "1.5");
        p.put("edge.singleBasis", "SHARE");
        p.put("edge.singleSharePct", "50");
        p.put("edge.singleRequiresEdge", "true");
        p.put("single.singleAdultAge", "18");
        p.put("single.singleIllness", "true");
        p.put("single.singleDisabilityGrade", "2");
        p.put("single.singleMentalGrade", "3");
        p.put("rigid.rigidRatioPct", "80");
        p.put("rigid.disposableIncomeLastYear", "48000");
        p.put("tempRelief.tempReliefCapMultiple", "6");
        p.put("tempRelief.tempReliefTownshipMultiple", "3");
        p.put("reviews.graceMonths", "6");
        p.put("reviews.dibaoReviewMonths", "12");
        p.put("reviews.tekunReviewMonths", "12");
        p.put("reviews.edgeReviewMonths", "12");
        p.put("tempRelief.tempReliefTimesPerYear", "1");
        p.put("procedure.urgentPaperworkWd", "5");
        for (Programme programme : ProgrammeProcedures.PROGRAMMES) {
            procedure(p, "procedures." + ProgrammeProcedures.section(programme) + ".",
                    ProgrammeProcedure.defaults(programme));
        }
        IncomeExclusions national = IncomeExclusions.defaults();
        for (cn.dibao.household.ExclusionReason c : IncomeExclusions.CATEGORIES) {
            exclusion(p, "incomeExclusions." + IncomeExclusions.section(c) + ".", national.of(c));
        }
        for (String check : new String[]{"dibao.deductMedical", "dibao.deductEducation", "dibao.deductRehabilitation", "dibao.deductRent",
                "edge.singleRequiresEdge", "procedure.decisionDelegated", "single.singleAlone", "single.singleIllness"}) {
            p.put("_" + check, "on");
        }
        return p;
    }

    /** A programme's time limits, 公示 and sampling share as the page's table posts them (the national defaults). */
    private static void procedure(Map<String, String> p, String k, ProgrammeProcedure d) {
        p.put("_" + k + "publicityHeld", "on");
        if (d.publicityHeld()) {
            p.put(k + "publicityHeld", "true");
        }
        p.put(k + "publicityDays", d.publicityDays().toString());
        p.put(k + "publicityUnit", d.publicityUnit().name());
        p.put("_" + k + "publicityCounted", "on");
        if (d.publicityCounted()) {
            p.put(k + "publicityCounted", "true");
        }
        p.put(k + "investigationStartWd", d.investigationStartWd().toString());
        p.put(k + "townshipWd", d.townshipWd() == null ? "" : d.townshipWd().toString());
        p.put(k + "reReviewWd", d.reReviewWd().toString());
        p.put(k + "countyDecisionWd", d.countyDecisionWd().toString());
        p.put(k + "refusalNoticeWd", d.refusalNoticeWd().toString());
        p.put(k + "totalWd", d.totalWd().toString());
        p.put(k + "totalExtendedWd", d.totalExtendedWd().toString());
        p.put(k + "countySamplingPct", d.countySamplingPct().toPlainString());
    }

    /** A category's income exclusions as the page's table posts them. */
    static void exclusion(Map<String, String> p, String k, IncomeExclusion x) {
        p.put("_" + k + "dibao", "on");
        p.put("_" + k + "tekun", "on");
        if (x.dibao()) {
            p.put(k + "dibao", "true");
        } else {
            p.remove(k + "dibao");
        }
        if (x.tekun()) {
            p.put(k + "tekun", "true");
        } else {
            p.remove(k + "tekun");
        }
        p.put(k + "dibaoUntil", x.dibaoUntil() == null ? "" : x.dibaoUntil().toString());
        p.put(k + "tekunUntil", x.tekunUntil() == null ? "" : x.tekunUntil().toString());
    }

    static MockHttpServletRequestBuilder postForm(String url, MockHttpSession session, Map<String, String> params) {
        MockHttpServletRequestBuilder b = post(url).session(session).with(csrf());
        params.forEach(b::param);
        return b;
    }

    /** The opening tag of the control named {@code name}. */
    static String tag(String html, String name) {
        Matcher m = Pattern.compile("<(input|select)[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("control %s on the page", name).isTrue();
        return m.group();
    }

    static String value(String html, String name) {
        Matcher m = Pattern.compile("value=\"([^\"]*)\"").matcher(tag(html, name));
        return m.find() ? m.group(1) : null;
    }
}
