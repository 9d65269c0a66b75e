package cn.dibao.payout;

import cn.dibao.common.identity.IdNumbers;
import cn.dibao.common.identity.IdType;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.InvalidUploadException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HouseholdTestData;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.multipart.MultipartFile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.payout.AccountSamples.badCheckDigit;
import static cn.dibao.payout.AccountSamples.card;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static cn.dibao.support.Fixtures.VILLAGE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** 收款账户: format checks, replacement, concurrency, scope, roles, masking and the audited reveal. */
@IntegrationTest
class PaymentAccountServiceTest {

    @Autowired
    PaymentAccountService accounts;
    @Autowired
    HouseholdTestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HouseholdService households;

    long household;
    String headName;
    String headId;
    long head;

    @BeforeEach
    void household() {
        headName = uniqueName("欧阳");
        headId = newId();
        household = data.household("caseworker", VILLAGE_A, headName, headId);
        head = data.headPersonId(household);
    }

    /** The head's own bank card account. */
    private PaymentAccountForm form(String accountNo) {
        return new PaymentAccountForm(head, PaymentChannel.BANK_CARD, "青岛农商银行黄岛支行", accountNo, headName, null,
                headId, false, null);
    }

    private long open(String user, PaymentAccountForm form) {
        return data.as(user, () -> accounts.open(household, form));
    }

    private long open(PaymentAccountForm form, MultipartFile agreement) {
        return data.as("caseworker", () -> accounts.open(household, form, agreement));
    }

    private long rows(String where, Object... args) {
        return data.count("payment_account", "household_id = " + household + (where.isEmpty() ? "" : " and " + where), args);
    }

    private static MockMultipartFile agreement(byte[] content, String name) {
        return new MockMultipartFile(PaymentAccountService.AGREEMENT_FIELD, name, "application/pdf", content);
    }

    private record Case(String what, UnaryOperator<PaymentAccountForm> change, boolean upload, String field,
                        String key) {
    }

    private static PaymentAccountForm with(PaymentAccountForm f, Long personId, PaymentChannel channel, String bank,
                                           String no, String holder, String holderId, Boolean custody, Long doc) {
        return new PaymentAccountForm(personId, channel, bank, no, holder, f.holderIdType(), holderId, custody, doc);
    }

    @Test
    void theLuhnSamplesAreRight() {
        assertThat(AccountNumbers.luhnValid("4111111111111111")).isTrue();
        assertThat(AccountNumbers.luhnValid("4111111111111112")).isFalse();
        for (int i = 0; i < 50; i++) {
            String c = card();
            assertThat(AccountNumbers.luhnValid(c)).as(c).isTrue();
            assertThat(AccountNumbers.luhnValid(badCheckDigit(c))).as(c).isFalse();
        }
        assertThat(AccountNumbers.mask("6217000011112222333")).isEqualTo("6217***********2333");
        assertThat(AccountNumbers.mask("6217000011114321")).isEqualTo("6217********4321");
    }

    @Test
    void formatChecksNameTheirFieldAndSaveNothing() {
        String good = card();
        String stranger = newId();
        long otherHousehold = data.household("caseworker", VILLAGE_A);
        long outsider = data.headPersonId(otherHousehold);
        List<Case> cases = List.of(
                new Case("bad Luhn digit", f -> with(f, head, f.channel(), f.bankName(), badCheckDigit(good), f.holderName(), f.holderIdNumber(), false, null), false, "accountNo", "payment.accountNo.checksum"),
                new Case("bad Luhn digit on a 社保卡", f -> with(f, head, PaymentChannel.SSC, f.bankName(), badCheckDigit(good), f.holderName(), f.holderIdNumber(), false, null), false, "accountNo", "payment.accountNo.checksum"),
                new Case("15 digits", f -> with(f, head, f.channel(), f.bankName(), card("6217", 15), f.holderName(), f.holderIdNumber(), false, null), false, "accountNo", "payment.accountNo.length"),
                new Case("20 digits", f -> with(f, head, f.channel(), f.bankName(), card("6217", 20), f.holderName(), f.holderIdNumber(), false, null), false, "accountNo", "payment.accountNo.length"),
                new Case("letters", f -> with(f, head, f.channel(), f.bankName(), "6217A" + good.substring(5), f.holderName(), f.holderIdNumber(), false, null), false, "accountNo", "payment.accountNo.digits"),
                new Case("no number", f -> with(f, head, f.channel(), f.bankName(), "  ", f.holderName(), f.holderIdNumber(), false, null), false, "accountNo", "payment.accountNo.required"),
                new Case("no channel", f -> with(f, head, null, f.bankName(), good, f.holderName(), f.holderIdNumber(), false, null), false, "channel", "payment.channel.required"),
                new Case("no bank", f -> with(f, head, f.channel(), " ", good, f.holderName(), f.holderIdNumber(), false, null), false, "bankName", "payment.bankName.required"),
                new Case("bank too long", f -> with(f, head, f.channel(), "银".repeat(61), good, f.holderName(), f.holderIdNumber(), false, null), false, "bankName", "payment.bankName.tooLong"),
                new Case("markup in the bank", f -> with(f, head, f.channel(), "<b>银行</b>", good, f.holderName(), f.holderIdNumber(), false, null), false, "bankName", "payment.bankName.chars"),
                new Case("no holder name", f -> with(f, head, f.channel(), f.bankName(), good, "", f.holderIdNumber(), false, null), false, "holderName", "payment.holderName.required"),
                new Case("holder name too long", f -> with(f, head, f.channel(), f.bankName(), good, "王".repeat(51), f.holderIdNumber(), false, null), false, "holderName", "payment.holderName.tooLong"),
                new Case("markup in the holder name", f -> with(f, head, f.channel(), f.bankName(), good, "<i>王</i>", f.holderIdNumber(), false, null), false, "holderName", "payment.holderName.chars"),
                new Case("payee's ID under another name", f -> with(f, head, f.channel(), f.bankName(), good, "张冒名", f.holderIdNumber(), false, null), false, "holderName", "payment.holderName.notPayee"),
                new Case("holder ID check digit", f -> with(f, head, f.channel(), f.bankName(), good, f.holderName(), headId.substring(0, 17) + (headId.charAt(17) == '0' ? '1' : '0'), false, null), false, "holderIdNumber", "id.checksum"),
                new Case("holder ID missing", f -> with(f, head, f.channel(), f.bankName(), good, f.holderName(), null, false, null), false, "holderIdNumber", "id.required"),
                new Case("a masked number not the payee's", f -> with(f, head, f.channel(), f.bankName(), good, f.holderName(), IdNumbers.mask(stranger), false, null), false, "holderIdNumber", "payment.holderIdNumber.masked"),
                new Case("holder is not the payee, no custody", f -> with(f, head, f.channel(), f.bankName(), good, "李监护", stranger, false, null), false, "holderIdNumber", "payment.holder.notPayee"),
                new Case("custody without a file (page)", f -> with(f, head, f.channel(), f.bankName(), good, "李监护", stranger, true, null), true, "agreement", "payment.custody.agreementRequired"),
                new Case("custody without a filed agreement (API)", f -> with(f, head, f.channel(), f.bankName(), good, "李监护", stranger, true, null), false, "custodyDocumentId", "payment.custody.documentRequired"),
                new Case("custody with an unknown agreement", f -> with(f, head, f.channel(), f.bankName(), good, "李监护", stranger, true, 999_999_999L), false, "custodyDocumentId", "payment.custody.documentUnknown"),
                new Case("no payee", f -> with(f, null, f.channel(), f.bankName(), good, f.holderName(), f.holderIdNumber(), false, null), false, "personId", "payment.payee.required"),
                new Case("payee of another household", f -> with(f, outsider, f.channel(), f.bankName(), good, f.holderName(), f.holderIdNumber(), false, null), false, "personId", "payment.payee.notMember"));
        for (Case c : cases) {
            PaymentAccountForm f = c.change().apply(form(good));
            Throwable t = catchThrowable(() -> {
                if (c.upload()) {
                    open(f, null);
                } else {
                    open("caseworker", f);
                }
            });
            assertThat(t).as(c.what()).isInstanceOf(DomainException.class);
            DomainException e = (DomainException) t;
            assertThat(e.field()).as(c.what()).isEqualTo(c.field());
            assertThat(e.messageKey()).as(c.what()).isEqualTo(c.key());
        }
        assertThat(rows("")).isZero();
        assertThat(data.count("stored_document", "owner_type = 'HOUSEHOLD' and owner_id = ?", household)).isZero();
    }

    @Test
    void wellFormedAccountsOfBothChannelsAreSavedNormalisedAndMasked() {
        String no = card("6217", 16);
        String grouped = no.substring(0, 4) + " " + no.substring(4, 8) + " " + no.substring(8, 12) + "-" + no.substring(12);
        long id = open("caseworker", form(grouped));
        assertThat(jdbc.queryForObject("select account_no from payment_account where id = ?", String.class, id))
                .isEqualTo(no);
        PaymentAccountView v = data.as("caseworker", () -> accounts.get(id));
        assertThat(v.accountNoMasked()).isEqualTo(no.substring(0, 4) + "********" + no.substring(12));
        assertThat(v.holderIdNumberMasked()).isEqualTo(IdNumbers.mask(headId)).doesNotContain(headId.substring(6, 14));
        assertThat(v.active()).isTrue();
        assertThat(v.payeeName()).isEqualTo(headName);
        assertThat(v.openedBy()).isEqualTo("caseworker");

        // a 社保卡's financial account; the holder's masked number (as the form shows it) stands for the payee
        String ssc = card("6231", 19);
        long second = open("caseworker", new PaymentAccountForm(head, PaymentChannel.SSC, "中国建设银行", ssc, headName,
                IdType.RESIDENT_ID, IdNumbers.mask(headId), null, null));
        assertThat(jdbc.queryForObject("select holder_id_number from payment_account where id = ?", String.class, second))
                .isEqualTo(headId);
        assertThat(jdbc.queryForObject("select channel from payment_account where id = ?", String.class, second))
                .isEqualTo("SSC");
    }

    @Test
    void openingAgainReplacesTheAccountInUseAndAuditsBoth() {
        long first = open("caseworker", form(card()));
        long second = open("reviewer", form(card()));
        assertThat(rows("active")).isEqualTo(1);
        List<PaymentAccountView> list = data.as("caseworker", () -> accounts.list(household));
        assertThat(list).extracting(PaymentAccountView::id).containsExactly(second, first);
        assertThat(list.get(0).active()).isTrue();
        assertThat(list.get(1).active()).isFalse();
        assertThat(list.get(1).deactivatedBy()).isEqualTo("reviewer");
        assertThat(list.get(1).deactivatedAt()).isNotNull();
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_OPENED' and entity_id = ? and actor = 'reviewer' and area_code = ?",
                String.valueOf(second), VILLAGE_A)).isEqualTo(1);
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_DEACTIVATED' and entity_id = ? and actor = 'reviewer'",
                String.valueOf(first))).isEqualTo(1);
        // the trail never holds a full account number
        String no = jdbc.queryForObject("select account_no from payment_account where id = ?", String.class, second);
        assertThat(data.count("audit_event", "detail like ?", "%" + no + "%")).isZero();
        // payout generation finds exactly the new one
        assertThat(jdbc.queryForList("select id from payment_account where person_id = ? and active", Long.class, head))
                .containsExactly(second);
    }

    @Test
    void aRefusedUploadLeavesTheOldAccountInUseAndNothingStored() {
        long first = open("caseworker", form(card()));
        String guardianId = newId();
        PaymentAccountForm custody = new PaymentAccountForm(head, PaymentChannel.BANK_CARD, "农业银行", card(), "李监护",
                null, guardianId, true, null);
        assertThatThrownBy(() -> open(custody, agreement(AccountSamples.html(), "协议.pdf")))
                .isInstanceOfSatisfying(InvalidUploadException.class, e -> {
                    assertThat(e.field()).isEqualTo("agreement");
                    assertThat(e.messageKey()).isEqualTo("upload.type");
                });
        assertThat(rows("")).isEqualTo(1);
        assertThat(rows("active and id = ?", first)).isEqualTo(1);
        assertThat(data.count("stored_document", "owner_type = 'HOUSEHOLD' and owner_id = ?", household)).isZero();
    }

    @Test
    void custodyAllowsAnotherHolderWithTheSignedAgreementWhichCanBeReused() {
        String guardianId = newId();
        PaymentAccountForm custody = new PaymentAccountForm(head, PaymentChannel.BANK_CARD, "农业银行", card(), "李监护",
                null, guardianId, true, null);
        long id = open(custody, agreement(AccountSamples.pdf(), "代管协议.pdf"));
        PaymentAccountView v = data.as("caseworker", () -> accounts.get(id));
        assertThat(v.custody()).isTrue();
        assertThat(v.custodyDocumentId()).isNotNull();
        assertThat(jdbc.queryForObject("select owner_type || ' ' || owner_id || ' ' || purpose || ' ' || area_code from stored_document where id = ?",
                String.class, v.custodyDocumentId()))
                .isEqualTo("HOUSEHOLD " + household + " CUSTODY_AGREEMENT " + VILLAGE_A);
        assertThat(data.as("caseworker", () -> accounts.choices(household)).agreements())
                .extracting(d -> d.id()).containsExactly(v.custodyDocumentId());

        // a new card under the same agreement (the API's way: the filed document's id)
        long replaced = open("caseworker", new PaymentAccountForm(head, PaymentChannel.BANK_CARD, "农业银行", card(),
                "李监护", null, guardianId, true, v.custodyDocumentId()));
        assertThat(data.as("caseworker", () -> accounts.get(replaced)).custodyDocumentId()).isEqualTo(v.custodyDocumentId());
        assertThat(rows("active")).isEqualTo(1);

        // another household's agreement cannot be borrowed
        long other = data.household("caseworker", VILLAGE_A);
        long otherHead = data.headPersonId(other);
        String otherHeadId = jdbc.queryForObject("select id_number from person where id = ?", String.class, otherHead);
        String otherName = jdbc.queryForObject("select name from person where id = ?", String.class, otherHead);
        assertThatThrownBy(() -> data.as("caseworker", () -> accounts.open(other, new PaymentAccountForm(otherHead,
                PaymentChannel.BANK_CARD, "农业银行", card(), otherName, null, otherHeadId, true, v.custodyDocumentId()))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payment.custody.documentUnknown"));
    }

    @Test
    void concurrentOpensForOnePayeeLeaveExactlyOneActive() throws Exception {
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PaymentAccountForm f = form(card());
                futures.add(pool.submit(() -> {
                    start.await();
                    return open("caseworker", f);
                }));
            }
            start.countDown();
            int opened = 0;
            for (Future<Long> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    opened++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // the only acceptable failure is the clear conflict message, never a 500
                    assertThat(e.getCause()).isInstanceOfSatisfying(DomainException.class,
                            d -> assertThat(d.messageKey()).isEqualTo("payment.account.concurrent"));
                }
            }
            assertThat(opened).isPositive();
            assertThat(rows("")).isEqualTo(opened);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows("active")).isEqualTo(1);
        assertThat(data.count("payment_account", "person_id = ? and active", head)).isEqualTo(1);
    }

    @Test
    void deactivationNeedsAReasonAndHappensOnce() {
        long id = open("caseworker", form(card()));
        assertThatThrownBy(() -> data.as("caseworker", () -> accounts.deactivate(id, "  ")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.messageKey()).isEqualTo("payment.deactivate.reasonRequired");
                });
        PaymentAccountView v = data.as("reviewer", () -> accounts.deactivate(id, "银行卡挂失"));
        assertThat(v.active()).isFalse();
        assertThat(v.deactivatedBy()).isEqualTo("reviewer");
        assertThat(rows("active")).isZero();
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_DEACTIVATED' and entity_id = ? and detail like ?",
                String.valueOf(id), "%银行卡挂失%")).isEqualTo(1);
        assertThatThrownBy(() -> data.as("caseworker", () -> accounts.deactivate(id, "再次")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("payment.account.inactive"));
    }

    @Test
    void anotherTownshipSeesNothingAndReadOnlyRolesChangeNothing() {
        long id = open("caseworker", form(card()));
        assertThatThrownBy(() -> data.as("caseworker2", () -> accounts.list(household))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> data.as("caseworker2", () -> accounts.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> data.as("caseworker2", () -> accounts.choices(household))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> open("caseworker2", form(card()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> data.as("caseworker2", () -> accounts.deactivate(id, "越权"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> data.as("caseworker2", () -> accounts.reveal(id))).isInstanceOf(NotFoundException.class);
        // and the other way round
        long elsewhere = data.household("caseworker2", VILLAGE_B);
        assertThatThrownBy(() -> data.as("caseworker", () -> accounts.list(elsewhere))).isInstanceOf(NotFoundException.class);

        assertThat(data.as("auditor", () -> accounts.list(household))).hasSize(1);
        assertThat(data.as("admin", () -> accounts.list(household))).hasSize(1);
        assertThatThrownBy(() -> open("auditor", form(card()))).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> open("admin", form(card()))).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> data.as("auditor", () -> accounts.deactivate(id, "只读"))).isInstanceOf(ForbiddenActionException.class);
        assertThat(rows("active and id = ?", id)).isEqualTo(1);
        assertThat(rows("")).isEqualTo(1);
    }

    @Test
    void theRevealIsForPermittedRolesAndAudited() {
        String no = card();
        long id = open("caseworker", form(no));
        long before = data.count("audit_event", "action = 'PAYMENT_ACCOUNT_REVEALED' and entity_id = ?", String.valueOf(id));
        assertThat(before).isZero();
        RevealedPaymentAccount r = data.as("caseworker", () -> accounts.reveal(id));
        assertThat(r.accountNo()).isEqualTo(no);
        assertThat(r.holderIdNumber()).isEqualTo(headId);
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_REVEALED' and entity_id = ? and actor = 'caseworker' and area_code = ?",
                String.valueOf(id), VILLAGE_A)).isEqualTo(1);
        assertThat(data.as("reviewer", () -> accounts.reveal(id)).accountNo()).isEqualTo(no);

        assertThatThrownBy(() -> data.as("auditor", () -> accounts.reveal(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(data.count("audit_event", "action = 'PAYMENT_ACCOUNT_REVEALED' and entity_id = ?", String.valueOf(id)))
                .isEqualTo(2);
    }

    @Test
    void aClosedHouseholdGetsNoNewAccount() {
        long version = jdbc.queryForObject("select version from household where id = ?", Long.class, household);
        data.as("caseworker", () -> households.close(household, "迁出本县", version));
        assertThatThrownBy(() -> open("caseworker", form(card())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("household.closed"));
        assertThat(rows("")).isZero();
    }
}
