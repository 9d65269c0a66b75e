package cn.dibao.payout;

import cn.dibao.common.identity.IdNumbers;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.household.HouseholdTestData;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.payout.AccountSamples.badCheckDigit;
import static cn.dibao.payout.AccountSamples.card;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 收款账户 pages: the section on the household file, the form with its field errors, reveal and deactivation. */
@IntegrationTest
class PaymentAccountWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    HouseholdTestData data;
    @Autowired
    PaymentAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    StaffPrincipal caseworker;
    long household;
    String headName;
    String headId;
    long head;

    @BeforeEach
    void household() {
        caseworker = data.principal("caseworker");
        headName = uniqueName("司马");
        headId = newId();
        household = data.household("caseworker", VILLAGE_A, headName, headId);
        head = data.headPersonId(household);
    }

    private MockMultipartHttpServletRequestBuilder submit(String accountNo, String holderName, String holderId) {
        return submit(caseworker, "BANK_CARD", accountNo, holderName, holderId);
    }

    private MockMultipartHttpServletRequestBuilder submit(StaffPrincipal who, String channel, String accountNo,
                                                          String holderName, String holderId) {
        MockMultipartHttpServletRequestBuilder b = multipart("/households/{id}/payment-accounts", household);
        b.param("personId", String.valueOf(head)).param("channel", channel).param("bankName", "青岛农商银行黄岛支行")
                .param("accountNo", accountNo).param("holderName", holderName).param("holderIdType", "RESIDENT_ID")
                .param("holderIdNumber", holderId).param("_custody", "on");
        b.with(user(who)).with(csrf());
        return b;
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        return r.getResponse().getContentAsString();
    }

    private long rows() {
        return data.count("payment_account", "household_id = ?", household);
    }

    private long agreements() {
        return data.count("stored_document", "owner_type = 'HOUSEHOLD' and owner_id = ?", household);
    }

    @Test
    void theFormOffersTheMembersAndPrefillsTheHolderMasked() throws Exception {
        String html = page(get("/households/{id}/payment-accounts/new", household).with(user(caseworker)), 200);
        assertThat(html).contains(headName).contains(IdNumbers.mask(headId)).doesNotContain(headId)
                .contains("enctype=\"multipart/form-data\"").contains("name=\"agreement\"").contains("惠民惠农")
                .contains("href=\"/households/" + household + "#payment-accounts\"");
    }

    @Test
    void fieldErrorsAreShownInChineseKeepWhatWasTypedAndSaveNothing() throws Exception {
        String bad = badCheckDigit(card());
        String html = page(submit(bad, headName, IdNumbers.mask(headId)), 200);
        assertThat(html).contains("账号校验位不正确").contains("value=\"" + bad + "\"").contains("青岛农商银行黄岛支行");
        assertThat(rows()).isZero();

        // several missing fields at once
        html = page(multipart("/households/{id}/payment-accounts", household).param("personId", String.valueOf(head))
                .param("channel", "SSC").param("_custody", "on").with(user(caseworker)).with(csrf()), 200);
        assertThat(html).contains("请填写开户银行").contains("请填写账号").contains("请填写开户人姓名").contains("请填写证件号码");
        assertThat(rows()).isZero();

        // another holder without 代管
        String guardian = newId();
        html = page(submit(card(), "李监护", guardian), 200);
        assertThat(html).contains("账户持有人须为收款人本人");
        assertThat(rows()).isZero();

        // 代管 without the agreement, then with a file that is no PDF/JPEG/PNG
        html = page(submit(card(), "李监护", guardian).param("custody", "true"), 200);
        assertThat(html).contains("代管须上传签字的代管协议").containsPattern("name=\"custody\"[^>]*checked");
        html = page(submit(card(), "李监护", guardian).param("custody", "true")
                .file(new MockMultipartFile("agreement", "协议.pdf", "application/pdf", AccountSamples.html())), 200);
        assertThat(html).contains("只能上传 PDF、JPG 或 PNG 文件");
        assertThat(rows()).isZero();
        assertThat(agreements()).isZero();

        // a tampered select (no such channel) keeps the page, never a 500
        html = page(submit(caseworker, "CASH", card(), headName, IdNumbers.mask(headId)), 200);
        assertThat(html).contains("青岛农商银行黄岛支行");
        assertThat(rows()).isZero();
    }

    @Test
    void aValidCustodyAccountIsSavedShownMaskedRevealedOnceAndDeactivated() throws Exception {
        String no = card();
        String guardian = newId();
        MvcResult saved = mvc.perform(submit(no, "李监护", guardian).param("custody", "true")
                        .file(new MockMultipartFile("agreement", "代管协议.pdf", "application/pdf", AccountSamples.pdf())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/households/" + household + "#payment-accounts"))
                .andExpect(flash().attribute("message", "payment.opened"))
                .andReturn();
        assertThat(rows()).isEqualTo(1);
        assertThat(agreements()).isEqualTo(1);
        long id = jdbc.queryForObject("select id from payment_account where household_id = ?", Long.class, household);
        long doc = jdbc.queryForObject("select custody_document_id from payment_account where id = ?", Long.class, id);

        String file = page(get("/households/{id}", household).with(user(caseworker)).flashAttrs(saved.getFlashMap()), 200);
        assertThat(file).contains("id=\"payment-accounts\"").contains(AccountNumbers.mask(no)).contains(IdNumbers.mask(guardian))
                .contains("/documents/" + doc).contains("/households/" + household + "/payment-accounts/" + id + "/reveal")
                .doesNotContain(no).doesNotContain(guardian);

        MvcResult revealed = mvc.perform(post("/households/{h}/payment-accounts/{a}/reveal", household, id)
                        .with(user(caseworker)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("revealedAccountNo", no))
                .andReturn();
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_REVEALED' and entity_id = ?", String.valueOf(id)))
                .isEqualTo(1);
        assertThat(page(get("/households/{id}", household).with(user(caseworker)).flashAttrs(revealed.getFlashMap()), 200))
                .contains(no).contains(guardian);
        assertThat(page(get("/households/{id}", household).with(user(caseworker)), 200)).doesNotContain(no);

        // deactivation needs a reason, then keeps the row
        mvc.perform(post("/households/{h}/payment-accounts/{a}/deactivate", household, id).with(user(caseworker)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "payment.deactivate.reasonRequired"));
        mvc.perform(post("/households/{h}/payment-accounts/{a}/deactivate", household, id).param("reason", "存折遗失")
                        .with(user(data.principal("reviewer"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "payment.deactivated"));
        assertThat(data.count("payment_account", "id = ? and not active", id)).isEqualTo(1);
    }

    @Test
    void readOnlyRolesAndOtherTownshipsAreRefused() throws Exception {
        long id = data.as("caseworker", () -> accounts.open(household, new PaymentAccountForm(head,
                PaymentChannel.BANK_CARD, "农业银行", card(), headName, null, headId, false, null)));
        StaffPrincipal auditor = data.principal("auditor");
        String file = page(get("/households/{id}", household).with(user(auditor)), 200);
        assertThat(file).contains("id=\"payment-accounts\"").doesNotContain("/payment-accounts/new")
                .doesNotContain("/deactivate").doesNotContain("/reveal");
        page(get("/households/{id}/payment-accounts/new", household).with(user(auditor)), 403);
        page(submit(auditor, "BANK_CARD", card(), headName, IdNumbers.mask(headId)), 403);
        page(post("/households/{h}/payment-accounts/{a}/deactivate", household, id).param("reason", "x")
                .with(user(auditor)).with(csrf()), 403);
        page(post("/households/{h}/payment-accounts/{a}/reveal", household, id).with(user(auditor)).with(csrf()), 403);

        StaffPrincipal other = data.principal("caseworker2");
        page(get("/households/{id}/payment-accounts/new", household).with(user(other)), 404);
        page(submit(other, "BANK_CARD", card(), headName, IdNumbers.mask(headId)), 404);
        page(post("/households/{h}/payment-accounts/{a}/deactivate", household, id).param("reason", "x")
                .with(user(other)).with(csrf()), 404);
        // an account through another household's URL
        long mine = data.household("caseworker", VILLAGE_A);
        page(post("/households/{h}/payment-accounts/{a}/reveal", mine, id).with(user(caseworker)).with(csrf()), 404);
        assertThat(data.count("payment_account", "id = ? and active", id)).isEqualTo(1);
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_REVEALED' and entity_id = ?", String.valueOf(id)))
                .isZero();
    }

    @Test
    void theReviewerOpensAnAccountFromThePage() throws Exception {
        mvc.perform(submit(data.principal("reviewer"), "SSC", card("6231", 16), headName, IdNumbers.mask(headId)))
                .andExpect(status().is3xxRedirection());
        assertThat(data.count("payment_account", "household_id = ? and active and channel = 'SSC' and created_by = 'reviewer'",
                household)).isEqualTo(1);
    }
}
