package cn.dibao.payout;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.identity.IdNumbers;
import cn.dibao.common.identity.IdType;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.document.DocumentStore;
import cn.dibao.document.StoredDocumentView;
import cn.dibao.household.PrivacyProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 收款账户 (issue 6; domain-rules §3.8, §10.7): where a payee is paid. A payee is a current member of
 * the household and has at most one account in use (the partial unique index
 * {@code payment_account_active_uk}); payout generation picks that one. An account is never edited:
 * a change opens a new row and deactivates the old one in the same transaction, so a payout item
 * keeps pointing at the account it was generated and approved with.
 *
 * <p>Every query carries the caller's area scope (a household or account outside it is not found).
 * Changing needs CASEWORKER or REVIEWER; reading is open to every role that reaches it. Account and
 * holder ID numbers leave this service masked, except through {@link #reveal}, which is a right of
 * {@code dibao.privacy.reveal-roles} and is audited, as is every opening and deactivation.
 */
@Service
@Transactional(readOnly = true)
public class PaymentAccountService {

    /** Owner type of custody agreements in the {@link DocumentStore}: they are filed with the household. */
    public static final String AGREEMENT_OWNER = "HOUSEHOLD";
    /** Purpose of a signed 代管协议 in the {@link DocumentStore}. */
    public static final String AGREEMENT_PURPOSE = "CUSTODY_AGREEMENT";
    /** The form field of an uploaded agreement (pages). */
    public static final String AGREEMENT_FIELD = "agreement";

    /** First key of the advisory lock that serialises account changes per payee ("PAC1"). */
    static final int LOCK_CLASS = 0x50414331;

    private static final Pattern HOLDER_NAME = Pattern.compile("^[\\p{IsHan}\\p{IsLatin}·• .'\\-]*$");
    private static final Pattern BANK_NAME_BAD = Pattern.compile("[<>\\p{Cntrl}]");

    private static final String VIEW_COLUMNS = """
            pa.id, pa.household_id, pa.person_id, p.name as payee_name, pa.channel, pa.bank_name, pa.account_no,
            pa.holder_name, pa.holder_id_number, pa.custody, pa.custody_document_id, pa.active, pa.created_at,
            pa.created_by, pa.updated_at, pa.updated_by""";

    private static final RowMapper<PaymentAccountView> VIEW = (rs, n) -> {
        boolean active = rs.getBoolean("active");
        return new PaymentAccountView(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("person_id"),
                rs.getString("payee_name"), PaymentChannel.valueOf(rs.getString("channel")), rs.getString("bank_name"),
                AccountNumbers.mask(rs.getString("account_no")), rs.getString("holder_name"),
                IdNumbers.mask(rs.getString("holder_id_number")), rs.getBoolean("custody"),
                rs.getObject("custody_document_id", Long.class), active, rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), active ? null : rs.getTimestamp("updated_at").toInstant(),
                active ? null : rs.getString("updated_by"));
    };

    private final JdbcClient jdbc;
    private final DocumentStore documents;
    private final AuditTrail audit;
    private final PrivacyProperties privacy;
    private final Clock clock;

    PaymentAccountService(JdbcClient jdbc, DocumentStore documents, AuditTrail audit, PrivacyProperties privacy,
                          Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.audit = audit;
        this.privacy = privacy;
        this.clock = clock;
    }

    private record HouseholdRef(long id, String areaCode, String address, boolean active) {
    }

    private record Payee(long personId, String name, IdType idType, String idNumber) {
    }

    /** The fields of an account row the service needs to act on it. */
    private record AccountRow(long id, long householdId, long personId, String payeeName, String areaCode,
                              String accountNo, String holderIdNumber, boolean active) {
    }

    // ---- reads --------------------------------------------------------------------------------

    /** The household's accounts, newest first: the ones in use and the former ones. */
    public List<PaymentAccountView> list(long householdId) {
        household(householdId);
        return jdbc.sql("select " + VIEW_COLUMNS + """

                        from payment_account pa
                        join household h on h.id = pa.household_id
                        join person p on p.id = pa.person_id
                        where pa.household_id = :household and h.area_code like :pattern
                        order by pa.id desc""")
                .param("household", householdId).param("pattern", CurrentStaff.scope().likePattern())
                .query(VIEW).list();
    }

    /** One account, masked. */
    public PaymentAccountView get(long accountId) {
        return jdbc.sql("select " + VIEW_COLUMNS + """

                        from payment_account pa
                        join household h on h.id = pa.household_id
                        join person p on p.id = pa.person_id
                        where pa.id = :id and h.area_code like :pattern""")
                .param("id", accountId).param("pattern", CurrentStaff.scope().likePattern())
                .query(VIEW).optional().orElseThrow(() -> new NotFoundException("payment account", accountId));
    }

    /** The household's current members as payees (the head first) and its filed custody agreements. */
    public PaymentAccountChoices choices(long householdId) {
        HouseholdRef h = household(householdId);
        List<PaymentAccountPayee> payees = jdbc.sql("""
                        select p.id, p.name, p.id_number, m.relation = 'HEAD' as head, pa.account_no
                        from household_member m
                        join household h on h.id = m.household_id
                        join person p on p.id = m.person_id
                        left join payment_account pa on pa.person_id = p.id and pa.active
                        where m.household_id = :household and m.left_on is null and h.area_code like :pattern
                        order by m.relation = 'HEAD' desc, m.id""")
                .param("household", householdId).param("pattern", CurrentStaff.scope().likePattern())
                .query((rs, n) -> new PaymentAccountPayee(rs.getLong("id"), rs.getString("name"),
                        IdNumbers.mask(rs.getString("id_number")), rs.getBoolean("head"),
                        AccountNumbers.mask(rs.getString("account_no"))))
                .list();
        return new PaymentAccountChoices(h.id(), h.address(), h.active(), payees, agreements(householdId));
    }

    /** Whether the current user may open and deactivate accounts. */
    public boolean mayChange() {
        StaffPrincipal me = CurrentStaff.require();
        return me.hasRole(Role.CASEWORKER) || me.hasRole(Role.REVIEWER);
    }

    /** Refuses a user who may not change accounts (pages ask before showing the form). */
    public void requireMayChange() {
        if (!mayChange()) {
            throw new ForbiddenActionException("payment.role");
        }
    }

    /** Whether the current user may reveal full account and ID numbers ({@code dibao.privacy.reveal-roles}). */
    public boolean mayReveal() {
        StaffPrincipal me = CurrentStaff.require();
        return privacy.revealRoles().stream().anyMatch(me::hasRole);
    }

    /** The full account and holder ID numbers of one account: a right of some roles, and always audited. */
    @Transactional
    public RevealedPaymentAccount reveal(long accountId) {
        if (!mayReveal()) {
            throw new AccessDeniedException("role may not reveal account numbers");
        }
        AccountRow a = row(accountId, false);
        audit.record("PAYMENT_ACCOUNT_REVEALED", "payment_account", a.id(), a.areaCode(),
                "household " + a.householdId() + " " + a.payeeName() + " " + AccountNumbers.mask(a.accountNo()));
        return new RevealedPaymentAccount(a.id(), a.accountNo(), a.holderIdNumber());
    }

    // ---- changes ------------------------------------------------------------------------------

    /**
     * Opens an account for a payee of the household; a custody agreement is referenced by
     * {@link PaymentAccountForm#custodyDocumentId()} (the API's way: no files there).
     *
     * @return the new account's id
     */
    @Transactional
    public long open(long householdId, PaymentAccountForm form) {
        return open(householdId, form, null, "custodyDocumentId", "payment.custody.documentRequired");
    }

    /**
     * Opens an account for a payee of the household, replacing (deactivating) the payee's account in
     * use. With custody the signed agreement is uploaded here ({@code agreement}, PDF/JPEG/PNG, stored
     * with the household) unless the form names one already filed. All in one transaction: a refused
     * field, file or conflict leaves nothing behind.
     *
     * @return the new account's id
     */
    @Transactional
    public long open(long householdId, PaymentAccountForm form, MultipartFile agreement) {
        return open(householdId, form, agreement, AGREEMENT_FIELD, "payment.custody.agreementRequired");
    }

    private long open(long householdId, PaymentAccountForm form, MultipartFile agreement, String agreementField,
                      String agreementMissingKey) {
        requireMayChange();
        HouseholdRef h = household(householdId);
        if (!h.active()) {
            throw DomainException.global("household.closed");
        }
        if (form.personId() == null) {
            throw new DomainException("personId", "payment.payee.required");
        }
        Payee payee = payee(householdId, form.personId());
        if (form.channel() == null) {
            throw new DomainException("channel", "payment.channel.required");
        }
        String bankName = checkBankName(form.bankName());
        String accountNo = AccountNumbers.normalise(form.accountNo());
        AccountNumbers.problem(accountNo).ifPresent(key -> {
            throw new DomainException("accountNo", key);
        });
        String holderName = checkHolderName(form.holderName());
        String holderId = holderIdNumber(form, payee);
        boolean holderIsPayee = holderId.equals(payee.idNumber());
        if (holderIsPayee && !holderName.equals(payee.name())) {
            throw new DomainException("holderName", "payment.holderName.notPayee");
        }
        boolean custody = form.custodyRequested();
        if (!holderIsPayee && !custody) {
            throw new DomainException("holderIdNumber", "payment.holder.notPayee");
        }
        Long filedAgreement = null;
        boolean upload = false;
        if (custody) {
            if (form.custodyDocumentId() != null) {
                filedAgreement = form.custodyDocumentId();
                long wanted = filedAgreement;
                if (agreements(householdId).stream().noneMatch(d -> d.id() == wanted)) {
                    throw new DomainException("custodyDocumentId", "payment.custody.documentUnknown");
                }
            } else if (agreement == null || agreement.isEmpty()) {
                throw new DomainException(agreementField, agreementMissingKey);
            } else {
                upload = true;
            }
        }

        // One change per payee at a time, on every node: a second open waits here and then replaces
        // the account the first one opened. (A key collision of two payees only makes one wait.)
        jdbc.sql("select 1 from pg_advisory_xact_lock(:cls, :key)").param("cls", LOCK_CLASS)
                .param("key", Long.hashCode(payee.personId())).query(Integer.class).single();
        String me = CurrentStaff.usernameOrSystem();
        Timestamp now = Timestamp.from(clock.instant());
        List<AccountRow> replaced = jdbc.sql("""
                        update payment_account pa
                        set active = false, updated_at = :now, updated_by = :me, version = pa.version + 1
                        from household h
                        where pa.person_id = :person and pa.active and h.id = pa.household_id
                        returning pa.id, pa.household_id, h.area_code, pa.account_no""")
                .param("now", now).param("me", me).param("person", payee.personId())
                .query((rs, n) -> new AccountRow(rs.getLong("id"), rs.getLong("household_id"), payee.personId(),
                        payee.name(), rs.getString("area_code"), rs.getString("account_no"), null, false))
                .list();
        Long documentId = filedAgreement;
        if (upload) {
            StoredDocumentView stored = documents.store(AGREEMENT_OWNER, householdId, AGREEMENT_PURPOSE,
                    h.areaCode(), agreement);
            documentId = stored.id();
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into payment_account (household_id, person_id, channel, bank_name, account_no,
                                holder_name, holder_id_number, custody, custody_document_id, active,
                                created_at, created_by, updated_at, updated_by)
                            values (:household, :person, :channel, :bank, :no, :holder, :holderId, :custody, :doc,
                                true, :now, :me, :now, :me)
                            returning id""")
                    .param("household", householdId).param("person", payee.personId())
                    .param("channel", form.channel().name()).param("bank", bankName).param("no", accountNo)
                    .param("holder", holderName).param("holderId", holderId).param("custody", custody)
                    .param("doc", documentId).param("now", now).param("me", me)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // the unique index: another writer (bypassing the lock) gave the payee an account meanwhile
            throw DomainException.global("payment.account.concurrent");
        }
        for (AccountRow old : replaced) {
            audit.record("PAYMENT_ACCOUNT_DEACTIVATED", "payment_account", old.id(), old.areaCode(),
                    "household " + old.householdId() + " " + payee.name() + " "
                            + AccountNumbers.mask(old.accountNo()) + "：由账户 #" + id + " 替换");
        }
        audit.record("PAYMENT_ACCOUNT_OPENED", "payment_account", id, h.areaCode(),
                "household " + householdId + " 收款人 " + payee.name() + " " + form.channel() + " " + bankName + " "
                        + AccountNumbers.mask(accountNo) + " 开户人 " + holderName
                        + (custody ? " 代管，协议 #" + documentId : "")
                        + (replaced.isEmpty() ? "" : " 替换 #" + replaced.stream().map(r -> String.valueOf(r.id()))
                        .reduce((a, b) -> a + ", #" + b).orElse("")));
        return id;
    }

    /**
     * Deactivates an account in use (card lost, account closed, payee changed…). The row is kept
     * for the payouts that used it; the payee has no account in use until a new one is opened.
     *
     * @return the account as it is now
     */
    @Transactional
    public PaymentAccountView deactivate(long accountId, String reason) {
        requireMayChange();
        AccountRow a = row(accountId, true);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new DomainException("reason", "payment.deactivate.reasonRequired");
        }
        if (why.length() > 200) {
            throw new DomainException("reason", "payment.deactivate.reasonTooLong");
        }
        if (!a.active()) {
            throw DomainException.global("payment.account.inactive");
        }
        jdbc.sql("""
                        update payment_account set active = false, updated_at = :now, updated_by = :me,
                            version = version + 1
                        where id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("me", CurrentStaff.usernameOrSystem())
                .param("id", a.id()).update();
        audit.record("PAYMENT_ACCOUNT_DEACTIVATED", "payment_account", a.id(), a.areaCode(),
                "household " + a.householdId() + " " + a.payeeName() + " " + AccountNumbers.mask(a.accountNo())
                        + "：" + why);
        return get(accountId);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private HouseholdRef household(long householdId) {
        return jdbc.sql("select id, area_code, address, status from household where id = :id and area_code like :pattern")
                .param("id", householdId).param("pattern", CurrentStaff.scope().likePattern())
                .query((rs, n) -> new HouseholdRef(rs.getLong("id"), rs.getString("area_code"),
                        rs.getString("address"), "ACTIVE".equals(rs.getString("status"))))
                .optional().orElseThrow(() -> new NotFoundException("household", householdId));
    }

    /** A current member of the household (the household is already known to be in scope). */
    private Payee payee(long householdId, long personId) {
        return jdbc.sql("""
                        select p.id, p.name, p.id_type, p.id_number
                        from household_member m join person p on p.id = m.person_id
                        where m.household_id = :household and m.person_id = :person and m.left_on is null""")
                .param("household", householdId).param("person", personId)
                .query((rs, n) -> new Payee(rs.getLong("id"), rs.getString("name"),
                        IdType.valueOf(rs.getString("id_type")), rs.getString("id_number")))
                .optional().orElseThrow(() -> new DomainException("personId", "payment.payee.notMember"));
    }

    private AccountRow row(long accountId, boolean lock) {
        return jdbc.sql("""
                        select pa.id, pa.household_id, pa.person_id, p.name as payee_name, h.area_code,
                               pa.account_no, pa.holder_id_number, pa.active
                        from payment_account pa
                        join household h on h.id = pa.household_id
                        join person p on p.id = pa.person_id
                        where pa.id = :id and h.area_code like :pattern""" + (lock ? " for update of pa" : ""))
                .param("id", accountId).param("pattern", CurrentStaff.scope().likePattern())
                .query((rs, n) -> new AccountRow(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("person_id"),
                        rs.getString("payee_name"), rs.getString("area_code"), rs.getString("account_no"),
                        rs.getString("holder_id_number"), rs.getBoolean("active")))
                .optional().orElseThrow(() -> new NotFoundException("payment account", accountId));
    }

    private List<StoredDocumentView> agreements(long householdId) {
        return documents.list(AGREEMENT_OWNER, householdId).stream()
                .filter(d -> AGREEMENT_PURPOSE.equals(d.purpose())).toList();
    }

    private static String checkBankName(String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            throw new DomainException("bankName", "payment.bankName.required");
        }
        if (s.length() > 60) {
            throw new DomainException("bankName", "payment.bankName.tooLong");
        }
        if (BANK_NAME_BAD.matcher(s).find()) {
            throw new DomainException("bankName", "payment.bankName.chars");
        }
        return s;
    }

    private static String checkHolderName(String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            throw new DomainException("holderName", "payment.holderName.required");
        }
        if (s.length() > 50) {
            throw new DomainException("holderName", "payment.holderName.tooLong");
        }
        if (!HOLDER_NAME.matcher(s).matches()) {
            throw new DomainException("holderName", "payment.holderName.chars");
        }
        return s;
    }

    /**
     * The holder's ID number, checked and normalised like a member's (GB 11643 and the other
     * document types). The payee's masked number, as the form shows it, stands for the payee's own.
     */
    private String holderIdNumber(PaymentAccountForm form, Payee payee) {
        String raw = form.holderIdNumber() == null ? "" : form.holderIdNumber().trim();
        if (raw.contains("*")) {
            if (raw.toUpperCase(Locale.ROOT).equals(IdNumbers.mask(payee.idNumber()))) {
                return payee.idNumber();
            }
            throw new DomainException("holderIdNumber", "payment.holderIdNumber.masked");
        }
        IdType type = Objects.requireNonNullElse(form.holderIdType(), IdType.RESIDENT_ID);
        IdNumbers.Result r = IdNumbers.check(type, raw, LocalDate.now(clock));
        if (!r.valid()) {
            throw new DomainException("holderIdNumber", r.problemKey());
        }
        return r.normalized();
    }
}
