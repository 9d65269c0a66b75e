package cn.dibao.standard;

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
        p.put("dibaoStandard", "870");
        p.put("roundingRule", "UP_YUAN");
        p.put("minBenefit", "0");
        p.put("incomeReferenceMonths", "6");
        p.put("employmentCostPct", "0");
        p.put("deductMedical", "true");
        p.put("deductEducation", "true");
        p.put("deductRehabilitation", "true");
        p.put("topupElderlyMode", "FIXED");
        p.put("topupElderlyValue", "50");
        p.put("topupMinorMode", "FIXED");
        p.put("topupMinorValue", "50");
        p.put("topupDisabilityMode", "FIXED");
        p.put("topupDisabilityValue", "100");
        p.put("topupIllnessMode", "FIXED");
        p.put("topupIllnessValue", "100");
        p.put("topupStacking", "ONCE");
        p.put("moneyAssetsMultiple", "3");
        p.put("maxVehicles", "0");
        p.put("maxVehicleValue", "");
        p.put("maxHomes", "1");
        p.put("maxFloorAreaPerPerson", "");
        p.put("maxBusinessCapital", "100000");
        p.put("tekunBasic", "1131");
        p.put("tekunCareHomeFull", "1480");
        p.put("tekunCareHomePartial", "370");
        p.put("tekunCareHomeSelf", "185");
        p.put("tekunCareInstFull", "2220");
        p.put("tekunCareInstPartial", "555");
        p.put("tekunCareInstSelf", "278");
        p.put("tekunMinorAge", "18");
        p.put("edgeMultiplier", "1.5");
        p.put("singleBasis", "SHARE");
        p.put("singleSharePct", "50");
        p.put("singleRequiresEdge", "true");
        p.put("rigidRatioPct", "80");
        p.put("disposableIncomeLastYear", "48000");
        p.put("tempReliefCapMultiple", "6");
        p.put("tempReliefTownshipMultiple", "3");
        p.put("graceMonths", "6");
        p.put("dibaoReviewMonths", "12");
        p.put("tekunReviewMonths", "12");
        p.put("edgeReviewMonths", "12");
        p.put("publicityDays", "7");
        p.put("publicityUnit", "CALENDAR");
        p.put("investigationStartWd", "3");
        p.put("reReviewWd", "15");
        p.put("countyDecisionWd", "10");
        p.put("refusalNoticeWd", "3");
        p.put("totalWd", "30");
        p.put("totalExtendedWd", "45");
        p.put("urgentPaperworkWd", "5");
        p.put("countySamplingPct", "30");
        for (String check : new String[]{"deductMedical", "deductEducation", "deductRehabilitation", "deductRent",
                "singleRequiresEdge", "publicityCounted", "decisionDelegated"}) {
            p.put("_" + check, "on");
        }
        return p;
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
