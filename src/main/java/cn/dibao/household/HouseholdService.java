package cn.dibao.household;

import cn.dibao.area.AreaLevel;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.audit.AuditTrail;
import cn.dibao.common.identity.IdNumbers;
import cn.dibao.common.identity.IdType;
import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 一户一档: the household registry. Every read and write goes through the user's area scope
 * (a household outside it is "not found"); every change is written to the household's history
 * and the audit trail in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class HouseholdService {

    private final HouseholdRepository households;
    private final PersonRepository persons;
    private final HouseholdMemberRepository members;
    private final IncomeItemRepository incomes;
    private final DeductionItemRepository deductions;
    private final AssetItemRepository assets;
    private final ExpenseItemRepository expenses;
    private final ObligorRepository obligors;
    private final HouseholdChangeRepository changes;
    private final HouseholdSearch search;
    private final AreaService areas;
    private final AuditTrail audit;
    private final PrivacyProperties privacy;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    HouseholdService(HouseholdRepository households, PersonRepository persons, HouseholdMemberRepository members,
                     IncomeItemRepository incomes, DeductionItemRepository deductions, AssetItemRepository assets,
                     ExpenseItemRepository expenses, ObligorRepository obligors, HouseholdChangeRepository changes,
                     HouseholdSearch search, AreaService areas, AuditTrail audit, PrivacyProperties privacy,
                     Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.households = households;
        this.persons = persons;
        this.members = members;
        this.incomes = incomes;
        this.deductions = deductions;
        this.assets = assets;
        this.expenses = expenses;
        this.obligors = obligors;
        this.changes = changes;
        this.search = search;
        this.areas = areas;
        this.audit = audit;
        this.privacy = privacy;
        this.clock = clock;
    }

    /** The kinds of item on a household file, named in URLs by their plural path segment. */
    public enum ItemKind {
        INCOME("incomes"), DEDUCTION("deductions"), ASSET("assets"), EXPENSE("expenses"), OBLIGOR("obligors");

        private final String path;

        ItemKind(String path) {
            this.path = path;
        }

        /** The kind for a URL segment such as "incomes"; an unknown segment is "not found". */
        public static ItemKind fromPath(String path) {
            for (ItemKind k : values()) {
                if (k.path.equals(path)) {
                    return k;
                }
            }
            throw new NotFoundException("item kind", path);
        }
    }

    // ---- reads ------------------------------------------------------------------------------

    public Slice<HouseholdRow> search(HouseholdQuery query, int page, int size) {
        return search.search(query, CurrentStaff.scope(), Math.max(0, page), Math.min(Math.max(size, 1), 100));
    }

    public HouseholdFile file(long id) {
        Household h = load(id);
        LocalDate today = today();
        List<HouseholdMember> all = members.findAllOfHousehold(id);
        Map<Long, String> names = all.stream().collect(Collectors.toMap(m -> m.getPerson().getId(),
                m -> m.getPerson().getName(), (a, b) -> a));
        Function<Long, String> nameOf = pid -> pid == null ? null : names.getOrDefault(pid, "");
        List<HouseholdFile.Member> current = new ArrayList<>();
        List<HouseholdFile.Member> former = new ArrayList<>();
        for (HouseholdMember m : all) {
            (m.isCurrent() ? current : former).add(memberView(m, today));
        }
        return new HouseholdFile(h.getId(), h.getVersion(), h.getAreaCode(), areas.pathOf(h.getAreaCode()),
                h.getAddress(), h.getHukouType(), h.getResidenceAddress(), h.getStatus(), h.getGrid(), h.tagSet(),
                h.getClosedReason(), h.getHeadPersonId(), current, former,
                incomes.findByHouseholdIdOrderById(id).stream().map(i -> new HouseholdFile.Income(i.getId(),
                        i.getPersonId(), nameOf.apply(i.getPersonId()), i.getCategory(), i.getDescription(),
                        i.getMonthlyAmount(), i.getPeriodFrom(), i.getPeriodTo(), i.isExcluded(),
                        i.getExclusionReason())).toList(),
                deductions.findByHouseholdIdOrderById(id).stream().map(d -> new HouseholdFile.Deduction(d.getId(),
                        d.getPersonId(), nameOf.apply(d.getPersonId()), d.getType(), d.getDescription(),
                        d.getMonthlyAmount(), d.getPeriodFrom(), d.getPeriodTo())).toList(),
                assets.findByHouseholdIdOrderById(id).stream().map(a -> new HouseholdFile.Asset(a.getId(),
                        a.getPersonId(), nameOf.apply(a.getPersonId()), a.getType(), a.getDescription(), a.getValue(),
                        a.getQuantity(), a.getFloorArea(), a.isExempt(), a.getExemptReason(), a.getPeriodFrom(),
                        a.getPeriodTo(), a.getAcquiredOn())).toList(),
                expenses.findByHouseholdIdOrderById(id).stream().map(e -> new HouseholdFile.Expense(e.getId(),
                        e.getPersonId(), nameOf.apply(e.getPersonId()), e.getType(), e.getDescription(),
                        e.getAmount(), e.getIncurredOn())).toList(),
                obligors.findByHouseholdIdOrderById(id).stream().map(o -> new HouseholdFile.ObligorView(o.getId(),
                        o.getName(), o.getIdType(), IdNumbers.mask(o.getIdNumber()), o.getRelation(),
                        o.getSupportedPersonId(), o.getAddress(), o.getAbleToSupport(), o.getMonthlySupport(),
                        o.getNote(), o.getBirthDate(), o.getMonthlyIncome(), o.getDisabilityCategory(),
                        o.getDisabilityGrade(), o.getStatus(), o.getPropertyWithinLimits(), o.getOverrideReason(),
                        o.getVersion()))
                        .toList(),
                changes.findTop200ByHouseholdIdOrderByChangedAtDescIdDesc(id).stream()
                        .map(c -> new HouseholdFile.Change(c.getChangedAt(), c.getChangedBy(), c.getChangeType(),
                                c.getSummary())).toList(),
                h.getCreatedAt(), h.getCreatedBy(), h.getUpdatedAt(), h.getUpdatedBy());
    }

    /** The household's own data, for its edit form. */
    public HouseholdData householdData(long id) {
        Household h = load(id);
        return new HouseholdData(h.getAreaCode(), h.getAddress(), h.getHukouType(), h.getResidenceAddress(),
                h.getGrid(), h.tagSet());
    }

    /** A member's person data for the edit form; the ID number stays masked. */
    public PersonData personData(long householdId, long personId) {
        Person p = currentMemberOf(householdId, personId).getPerson();
        return new PersonData(p.getName(), p.getIdType(), IdNumbers.mask(p.getIdNumber()), String.valueOf(p.getSex()),
                p.getBirthDate(), p.getPhone(), p.getEthnicity(),
                p.getDisabilityCategory() == null ? null : p.getDisabilityCategory().intValue(),
                p.getDisabilityGrade() == null ? null : p.getDisabilityGrade().intValue(), p.getDisabilityCertNo(),
                p.getCanEat(), p.getCanDress(), p.getCanTransfer(), p.getCanToilet(), p.getCanWalkIndoors(),
                p.getCanBathe(), p.getSelfCareAssessedOn(), p.isSeriousIllness(), p.getSeriousIllnessNote(),
                p.getLabourAbility(), p.getEmployment(), p.getStudentLevel(), p.isServingSentence(),
                p.isCompulsoryRehab(), p.isDeclaredMissing(), p.isClergyApart(), p.getChildStatus(),
                p.getChildProgramme());
    }

    public long personVersion(long householdId, long personId) {
        return currentMemberOf(householdId, personId).getPerson().getVersion();
    }

    /** Villages the user may register households in. */
    public List<AreaView> villagesInScope() {
        return areas.activeInScope(AreaLevel.VILLAGE);
    }

    public boolean mayReveal() {
        StaffPrincipal me = CurrentStaff.require();
        return privacy.revealRoles().stream().anyMatch(me::hasRole);
    }

    /** The full ID number of a member or obligor: a right of some roles, and always audited. */
    @Transactional
    public String revealIdNumber(long householdId, long personId) {
        if (!mayReveal()) {
            throw new AccessDeniedException("role may not reveal ID numbers");
        }
        Household h = load(householdId);
        Person p = memberOf(householdId, personId).getPerson();
        audit.record("ID_NUMBER_REVEALED", "person", p.getId(), h.getAreaCode(),
                "household " + householdId + " " + p.getName());
        return p.getIdNumber();
    }

    // ---- household --------------------------------------------------------------------------

    @Transactional
    public long create(NewHousehold cmd) {
        checkArea("household.areaCode", cmd.household().areaCode());
        Household h = households.save(new Household(cmd.household()));
        Person head = resolvePerson(cmd.head(), "head.");
        LocalDate joined = cmd.headJoinedOn() == null ? today() : cmd.headJoinedOn();
        notFuture("headJoinedOn", joined);
        notOverlapping(head.getId(), null, joined, "headJoinedOn");
        members.save(new HouseholdMember(h.getId(), head, Relation.HEAD, true, null, null, joined));
        h.headIs(head.getId());
        households.flush();
        history(h, "HOUSEHOLD_CREATED", text("household.history.created", h.getAddress(), head.getName()));
        return h.getId();
    }

    @Transactional
    public void update(long id, HouseholdData d, long version) {
        Household h = loadForChange(id, version);
        checkArea("areaCode", d.areaCode());
        String before = describe(h);
        h.apply(d);
        households.flush();
        String after = describe(h);
        if (!before.equals(after)) {
            history(h, "HOUSEHOLD_UPDATED", text("household.history.updated", before, after));
        }
    }

    /** Closes the file: memberships end today, the file is kept. */
    @Transactional
    public void close(long id, String reason, long version) {
        Household h = loadForChange(id, version);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "household.close.reasonRequired");
        }
        for (HouseholdMember m : members.findAllOfHousehold(id)) {
            if (m.isCurrent()) {
                m.leave(today(), text("household.history.leftOnClosing"));
            }
        }
        h.close(reason.trim());
        households.flush();
        history(h, "HOUSEHOLD_CLOSED", text("household.history.closed", reason.trim()));
    }

    // ---- members ----------------------------------------------------------------------------

    /** Adds a new person, or a known one (by ID number) who is in no other household. */
    @Transactional
    public long addMember(long householdId, NewMember cmd) {
        Household h = loadActive(householdId);
        MemberData m = cmd.member();
        if (m.relation() == Relation.HEAD) {
            throw new DomainException("member.relation", "member.relation.headUseMakeHead");
        }
        checkCounting(m, "member.");
        checkChild(cmd.person(), "person.");
        Person p = resolvePerson(cmd.person(), "person.");
        checkFlags(m, p, "member.");
        members.save(new HouseholdMember(householdId, p, m.relation(), m.counted(), m.notCountedReason(),
                m.countOverrideReason(), m.joinedOn() == null ? today() : m.joinedOn()));
        members.flush();
        history(h, "MEMBER_ADDED", m.counted() ? text("household.history.memberAdded", p.getName(), m.relation())
                : text("household.history.memberAddedNotCounted", p.getName(), m.relation(), m.notCountedReason()));
        return p.getId();
    }

    @Transactional
    public void updatePerson(long householdId, long personId, PersonData d, long version) {
        Household h = loadActive(householdId);
        Person p = currentMemberOf(householdId, personId).getPerson();
        if (p.getVersion() != version) {
            throw new OptimisticLockingFailureException("person " + personId + " changed");
        }
        String before = describe(p);
        // The form shows a masked number: keep the stored one unless a new full number was typed.
        PersonData effective = d.idNumber() != null && d.idNumber().contains("*") && d.idType() == p.getIdType()
                ? withIdNumber(d, p.getIdNumber()) : d;
        checkChild(effective, "");
        Identity id = identity(effective, "", p.getId());
        p.apply(effective, id.type(), id.number(), id.sex(), id.birthDate());
        // released, back from 戒毒, found: a reason or override that named a cleared flag no longer holds
        members.findCurrent(p.getId()).filter(HouseholdMember::followFlags).ifPresent(m ->
                history(h, "MEMBER_CHANGED", text("household.history.countingFollowsFlags", p.getName())));
        persons.flush();
        String after = describe(p);
        if (!before.equals(after)) {
            history(h, "PERSON_UPDATED", text("household.history.personUpdated", p.getName(), before, after));
        }
    }

    @Transactional
    public void updateMembership(long householdId, long memberId, MemberData d, long version) {
        Household h = loadActive(householdId);
        HouseholdMember m = currentMember(householdId, memberId);
        if (m.getVersion() != version) {
            throw new OptimisticLockingFailureException("member " + memberId + " changed");
        }
        boolean isHead = Objects.equals(h.getHeadPersonId(), m.getPerson().getId());
        if (isHead != (d.relation() == Relation.HEAD)) {
            throw new DomainException("relation", "member.relation.headUseMakeHead");
        }
        checkCounting(d, "");
        checkFlags(d, m.getPerson(), "");
        LocalDate joined = d.joinedOn() == null ? m.getJoinedOn() : d.joinedOn();
        notFuture("joinedOn", joined);
        notOverlapping(m.getPerson().getId(), m.getId(), joined, "joinedOn");
        LocalDate before = m.getJoinedOn();
        m.change(d.relation(), d.counted(), d.notCountedReason(), d.countOverrideReason(), joined);
        members.flush();
        if (!before.equals(joined)) {
            history(h, "MEMBER_JOINED_ON_CHANGED", text("household.history.joinedOnChanged", m.getPerson().getName(),
                    before, joined));
        }
        history(h, "MEMBER_CHANGED", d.counted()
                ? text("household.history.memberChanged", m.getPerson().getName(), d.relation())
                : text("household.history.memberChangedNotCounted", m.getPerson().getName(), d.relation(),
                        d.notCountedReason()));
    }

    @Transactional
    public void makeHead(long householdId, long memberId) {
        Household h = loadActive(householdId);
        HouseholdMember m = currentMember(householdId, memberId);
        for (HouseholdMember other : members.findAllOfHousehold(householdId)) {
            if (other.isCurrent() && other.getRelation() == Relation.HEAD) {
                other.relate(Relation.OTHER);
            }
        }
        m.relate(Relation.HEAD);
        h.headIs(m.getPerson().getId());
        households.flush();
        history(h, "HEAD_CHANGED", text("household.history.headChanged", m.getPerson().getName()));
    }

    /** The member leaves (death, moving away): the membership ends, the history stays. */
    @Transactional
    public void endMembership(long householdId, long memberId, LocalDate on, String reason) {
        Household h = loadActive(householdId);
        HouseholdMember m = currentMember(householdId, memberId);
        if (Objects.equals(h.getHeadPersonId(), m.getPerson().getId()) && members.countCurrent(householdId) > 1) {
            throw new DomainException("memberId", "member.leave.headFirst");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "member.leave.reasonRequired");
        }
        LocalDate when = on == null ? today() : on;
        if (when.isAfter(today())) {
            throw new DomainException("leftOn", "member.leftOn.future");
        }
        m.leave(when, reason.trim());
        if (Objects.equals(h.getHeadPersonId(), m.getPerson().getId())) {
            h.headIs(null);
        }
        members.flush();
        history(h, "MEMBER_LEFT", text("household.history.memberLeft", m.getPerson().getName(), when, reason.trim()));
    }

    /** Moves a member to another household of the user's scope, with history on both files. */
    @Transactional
    public void moveMember(long householdId, long memberId, long targetHouseholdId, Relation relation) {
        if (householdId == targetHouseholdId) {
            throw new DomainException("targetHouseholdId", "member.move.sameHousehold");
        }
        Household from = loadActive(householdId);
        HouseholdMember m = currentMember(householdId, memberId);
        Household to;
        try {
            to = loadActive(targetHouseholdId);
        } catch (NotFoundException | DomainException e) {
            throw new DomainException("targetHouseholdId", "member.move.targetUnknown");
        }
        if (Objects.equals(from.getHeadPersonId(), m.getPerson().getId()) && members.countCurrent(householdId) > 1) {
            throw new DomainException("memberId", "member.leave.headFirst");
        }
        if (relation == null || relation == Relation.HEAD) {
            throw new DomainException("relation", "member.relation.headUseMakeHead");
        }
        LocalDate today = today();
        m.leave(today, text("household.history.leftByMove", String.valueOf(to.getId())));
        if (Objects.equals(from.getHeadPersonId(), m.getPerson().getId())) {
            from.headIs(null);
        }
        members.flush();
        members.save(new HouseholdMember(to.getId(), m.getPerson(), relation, m.isCounted(), m.getNotCountedReason(),
                m.getCountOverrideReason(), today));
        members.flush();
        history(from, "MEMBER_MOVED_OUT", text("household.history.movedOut", m.getPerson().getName(), String.valueOf(to.getId())));
        history(to, "MEMBER_MOVED_IN", text("household.history.movedIn", m.getPerson().getName(), String.valueOf(from.getId()), relation));
    }

    // ---- items ------------------------------------------------------------------------------

    @Transactional
    public long addIncome(long householdId, IncomeData d) {
        Household h = loadActive(householdId);
        currentPerson(householdId, d.personId(), "personId");
        checkPeriod(d.periodFrom(), d.periodTo());
        IncomeItem i = incomes.save(new IncomeItem(householdId, d));
        history(h, "INCOME_ADDED", d.exclusionReason() == null
                ? text("household.history.incomeAdded", d.category(), d.monthlyAmount().toPlainString())
                : text("household.history.incomeAddedExcluded", d.category(), d.monthlyAmount().toPlainString(),
                        d.exclusionReason()));
        return i.getId();
    }

    @Transactional
    public long addDeduction(long householdId, DeductionData d) {
        Household h = loadActive(householdId);
        if (d.personId() != null) {
            currentPerson(householdId, d.personId(), "personId");
        }
        checkPeriod(d.periodFrom(), d.periodTo());
        DeductionItem i = deductions.save(new DeductionItem(householdId, d));
        history(h, "DEDUCTION_ADDED", text("household.history.deductionAdded", d.type(), d.monthlyAmount().toPlainString()));
        return i.getId();
    }

    @Transactional
    public long addAsset(long householdId, AssetData d) {
        Household h = loadActive(householdId);
        if (d.personId() != null) {
            currentPerson(householdId, d.personId(), "personId");
        }
        checkPeriod(d.periodFrom(), d.periodTo());
        if (d.acquiredOn() != null && d.acquiredOn().isAfter(today())) {
            throw new DomainException("acquiredOn", "asset.acquiredOn.future");
        }
        AssetItem i = assets.save(new AssetItem(householdId, d));
        history(h, "ASSET_ADDED", i.isExempt()
                ? text("household.history.assetAddedExempt", d.type(), d.value().toPlainString(), i.getExemptReason())
                : text("household.history.assetAdded", d.type(), d.value().toPlainString()));
        return i.getId();
    }

    @Transactional
    public long addExpense(long householdId, ExpenseData d) {
        Household h = loadActive(householdId);
        if (d.personId() != null) {
            currentPerson(householdId, d.personId(), "personId");
        }
        ExpenseItem i = expenses.save(new ExpenseItem(householdId, d));
        history(h, "EXPENSE_ADDED", text("household.history.expenseAdded", d.type(), d.amount().toPlainString(), d.incurredOn()));
        return i.getId();
    }

    @Transactional
    public long addObligor(long householdId, ObligorData d) {
        Household h = loadActive(householdId);
        String normalized = obligorId(householdId, d);
        Obligor o = obligors.save(new Obligor(householdId, d, normalized, obligorBirthDate(d, normalized)));
        history(h, "OBLIGOR_ADDED", text("household.history.obligorAdded", d.name(), d.relation()));
        return o.getId();
    }

    /**
     * An obligor's facts changed (he turned 70, his income or status changed): every field is replaced, with the
     * same checks as when he was recorded; {@code version} is the one the caller read.
     */
    @Transactional
    public void updateObligor(long householdId, long obligorId, ObligorData d, long version) {
        Household h = loadActive(householdId);
        Obligor o = obligors.findByIdAndHouseholdId(obligorId, householdId).orElseThrow(() -> notFound(obligorId));
        if (o.getVersion() != version) {
            throw new OptimisticLockingFailureException("obligor " + obligorId + " changed");
        }
        // the file shows a masked number: it keeps the stored one unless a new full number was sent
        ObligorData effective = d.idNumber() != null && d.idNumber().contains("*")
                && (d.idType() == null ? IdType.RESIDENT_ID : d.idType()) == o.getIdType()
                ? d.withIdNumber(o.getIdNumber()) : d;
        String normalized = obligorId(householdId, effective);
        o.apply(effective, normalized, obligorBirthDate(effective, normalized));
        history(h, "OBLIGOR_UPDATED", text("household.history.obligorUpdated", d.name().trim()));
    }

    /** The obligor's ID number checked and normalised (null without one); a member of the household is no obligor. */
    private String obligorId(long householdId, ObligorData d) {
        String normalized = null;
        if (d.idNumber() != null && !d.idNumber().isBlank()) {
            IdType type = d.idType() == null ? IdType.RESIDENT_ID : d.idType();
            IdNumbers.Result r = IdNumbers.check(type, d.idNumber(), today());
            if (!r.valid()) {
                throw new DomainException("idNumber", r.problemKey());
            }
            normalized = r.normalized();
            if (members.findAllOfHousehold(householdId).stream().anyMatch(m -> m.isCurrent()
                    && m.getPerson().getIdNumber().equals(r.normalized()))) {
                throw new DomainException("idNumber", "obligor.isMember");
            }
        }
        if (d.supportedPersonId() != null) {
            currentPerson(householdId, d.supportedPersonId(), "supportedPersonId");
        }
        return normalized;
    }

    /** Removes an item entered in error; the history keeps what it was. */
    @Transactional
    public void removeItem(long householdId, ItemKind kind, long itemId) {
        Household h = loadActive(householdId);
        String what = switch (kind) {
            case INCOME -> {
                IncomeItem i = incomes.findByIdAndHouseholdId(itemId, householdId).orElseThrow(() -> notFound(itemId));
                incomes.delete(i);
                yield text("household.item.income", i.getCategory(), i.getMonthlyAmount().toPlainString());
            }
            case DEDUCTION -> {
                DeductionItem i = deductions.findByIdAndHouseholdId(itemId, householdId).orElseThrow(() -> notFound(itemId));
                deductions.delete(i);
                yield text("household.item.deduction", i.getType(), i.getMonthlyAmount().toPlainString());
            }
            case ASSET -> {
                AssetItem i = assets.findByIdAndHouseholdId(itemId, householdId).orElseThrow(() -> notFound(itemId));
                assets.delete(i);
                yield text("household.item.asset", i.getType(), i.getValue().toPlainString());
            }
            case EXPENSE -> {
                ExpenseItem i = expenses.findByIdAndHouseholdId(itemId, householdId).orElseThrow(() -> notFound(itemId));
                expenses.delete(i);
                yield text("household.item.expense", i.getType(), i.getAmount().toPlainString());
            }
            case OBLIGOR -> {
                Obligor i = obligors.findByIdAndHouseholdId(itemId, householdId).orElseThrow(() -> notFound(itemId));
                obligors.delete(i);
                yield text("household.item.obligor", i.getName());
            }
        };
        history(h, "ITEM_REMOVED", text("household.history.itemRemoved", what));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private record Identity(IdType type, String number, char sex, LocalDate birthDate) {
    }

    /** Checks the document, derives sex and birth date, and refuses a number held by someone else. */
    private Identity identity(PersonData d, String prefix, Long selfId) {
        IdNumbers.Result r = IdNumbers.check(d.idType(), d.idNumber(), today());
        if (!r.valid()) {
            throw new DomainException(prefix + "idNumber", r.problemKey());
        }
        persons.findByIdNumberAndIdType(r.normalized(), d.idType()).filter(p -> !p.getId().equals(selfId))
                .ifPresent(p -> {
                    throw new DomainException(prefix + "idNumber", "person.idNumber.taken");
                });
        if (IdNumbers.encodesBirthAndSex(d.idType(), r.normalized())) {
            char sex = IdNumbers.sex(r.normalized()).orElseThrow();
            LocalDate born = IdNumbers.birthDate(r.normalized()).orElseThrow();
            // the number decides; a sex or birth date sent that says otherwise is refused, not dropped
            if (d.sex() != null && !d.sex().isBlank() && d.sex().charAt(0) != sex) {
                throw new DomainException(prefix + "sex", "person.sex.notTheNumbers");
            }
            if (d.birthDate() != null && !d.birthDate().equals(born)) {
                throw new DomainException(prefix + "birthDate", "person.birthDate.notTheNumbers");
            }
            return new Identity(d.idType(), r.normalized(), sex, born);
        }
        if (d.sex() == null || d.sex().isBlank()) {
            throw new DomainException(prefix + "sex", "person.sex.required");
        }
        if (d.birthDate() == null) {
            throw new DomainException(prefix + "birthDate", "person.birthDate.required");
        }
        return new Identity(d.idType(), r.normalized(), d.sex().charAt(0), d.birthDate());
    }

    /**
     * A person for a new membership: an existing record (same document) that is in no household
     * now, or a new one. A person already in a household is refused, saying where when the user
     * may see that household.
     */
    private Person resolvePerson(PersonData d, String prefix) {
        IdNumbers.Result r = IdNumbers.check(d.idType(), d.idNumber(), today());
        if (!r.valid()) {
            throw new DomainException(prefix + "idNumber", r.problemKey());
        }
        var existing = persons.findByIdNumberAndIdType(r.normalized(), d.idType());
        if (existing.isPresent()) {
            Person p = existing.get();
            members.findCurrent(p.getId()).ifPresent(m -> {
                AreaScope scope = CurrentStaff.scope();
                String where = households.findInScope(m.getHouseholdId(), scope.likePattern())
                        .map(h -> "#" + h.getId() + " " + areas.pathOf(h.getAreaCode()))
                        .orElse(null);
                if (where == null) {
                    throw new DomainException(prefix + "idNumber", "person.inOtherHouseholdElsewhere");
                }
                throw new DomainException(prefix + "idNumber", "person.inOtherHousehold", where);
            });
            Identity id = identity(d, prefix, p.getId());
            p.apply(d, id.type(), id.number(), id.sex(), id.birthDate());
            return p;
        }
        Identity id = identity(d, prefix, null);
        return persons.save(new Person(d, id.type(), id.number(), id.sex(), id.birthDate()));
    }

    private static PersonData withIdNumber(PersonData d, String idNumber) {
        return d.withIdNumberAndPhone(idNumber, d.phone());
    }

    private void checkArea(String field, String areaCode) {
        boolean ok = areas.activeInScope(AreaLevel.VILLAGE).stream().anyMatch(a -> a.code().equals(areaCode));
        if (!ok) {
            throw new DomainException(field, "household.area.invalid");
        }
    }

    private static void checkCounting(MemberData m, String prefix) {
        if (!m.counted() && m.notCountedReason() == null) {
            throw new DomainException(prefix + "notCountedReason", "member.notCounted.reasonRequired");
        }
    }

    /**
     * ADR 0016: a flag reason (服刑…) is the person's fact, so it is refused, by name, for a person without that
     * flag; an override says why a flagged person counts, so it needs a flag and a counted membership.
     */
    private static void checkFlags(MemberData m, Person p, String prefix) {
        NotCountedReason r = m.notCountedReason();
        if (!m.counted() && r != null && r.isFlag() && !p.has(r)) {
            throw new DomainException(prefix + "notCountedReason", "member.notCounted.flagMissing." + r.name());
        }
        boolean override = m.countOverrideReason() != null && !m.countOverrideReason().isBlank();
        if (override && p.flag() == null) {
            throw new DomainException(prefix + "countOverrideReason", "member.countOverride.noFlag");
        }
        if (override && !m.counted()) {
            throw new DomainException(prefix + "countOverrideReason", "member.countOverride.notCounted");
        }
    }

    /** A programme choice belongs to a 孤儿 / 事实无人抚养儿童 (ADR 0017). */
    private static void checkChild(PersonData d, String prefix) {
        if (d.childProgramme() != null && d.childStatus() == null) {
            throw new DomainException(prefix + "childProgramme", "person.childProgramme.noStatus");
        }
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to != null && from != null && to.isBefore(from)) {
            throw new DomainException("periodTo", "period.to.beforeFrom");
        }
    }

    private Household load(long id) {
        return households.findInScope(id, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("household", id));
    }

    private Household loadActive(long id) {
        Household h = load(id);
        if (h.getStatus() != HouseholdStatus.ACTIVE) {
            throw DomainException.global("household.closed");
        }
        return h;
    }

    private Household loadForChange(long id, long version) {
        Household h = loadActive(id);
        if (h.getVersion() != version) {
            throw new OptimisticLockingFailureException("household " + id + " changed");
        }
        return h;
    }

    private HouseholdMember memberOf(long householdId, long personId) {
        load(householdId);
        return members.findAllOfHousehold(householdId).stream()
                .filter(m -> m.getPerson().getId() == personId)
                .reduce((a, b) -> a.isCurrent() ? a : b)
                .orElseThrow(() -> new NotFoundException("person", personId));
    }

    /**
     * A person's membership of this household that has not ended. Who has left may since belong
     * to another household (even outside the user's scope): their record is changed from there.
     */
    private HouseholdMember currentMemberOf(long householdId, long personId) {
        HouseholdMember m = memberOf(householdId, personId);
        if (!m.isCurrent()) {
            throw new NotFoundException("person", personId);
        }
        return m;
    }

    private HouseholdMember currentMember(long householdId, long memberId) {
        return members.findById(memberId).filter(m -> m.getHouseholdId() == householdId && m.isCurrent())
                .orElseThrow(() -> new NotFoundException("member", memberId));
    }

    private void currentPerson(long householdId, Long personId, String field) {
        boolean member = personId != null && members.findAllOfHousehold(householdId).stream()
                .anyMatch(m -> m.isCurrent() && m.getPerson().getId().equals(personId));
        if (!member) {
            throw new DomainException(field, "item.person.notMember");
        }
    }

    private static NotFoundException notFound(long itemId) {
        return new NotFoundException("item", itemId);
    }

    private HouseholdFile.Member memberView(HouseholdMember m, LocalDate today) {
        Person p = m.getPerson();
        boolean inChecks = m.countsInChecks();
        NotCountedReason why = inChecks ? null : p.flag() != null ? p.flag() : m.getNotCountedReason();
        return new HouseholdFile.Member(m.getId(), m.getVersion(), p.getId(), p.getVersion(), p.getName(),
                p.getIdType(), IdNumbers.mask(p.getIdNumber()), p.getSex(), p.getBirthDate(),
                Period.between(p.getBirthDate(), today).getYears(), m.getRelation(), m.isCounted(),
                m.getNotCountedReason(), m.getJoinedOn(), m.getLeftOn(), m.getLeftReason(),
                IdNumbers.mask(p.getPhone()), p.getDisabilityCategory(), p.getDisabilityGrade(), p.getSelfCareTier(),
                p.isSeriousIllness(), p.getLabourAbility(), p.getEmployment(), p.getStudentLevel(),
                p.isServingSentence(), p.isCompulsoryRehab(), p.isDeclaredMissing(), p.isClergyApart(),
                m.getCountOverrideReason(), p.getChildStatus(), p.getChildProgramme(), inChecks, why);
    }

    /**
     * D3 第七条 facts of an obligor: the birth date a resident ID encodes (a different one sent is refused),
     * disability category and grade together, and a caseworker's 有 / 无履行能力 override only with its reason.
     */
    private LocalDate obligorBirthDate(ObligorData d, String normalized) {
        if ((d.disabilityCategory() == null) != (d.disabilityGrade() == null)) {
            throw new DomainException("disabilityGrade", "obligor.disability.pair");
        }
        if (d.ableToSupport() != null && d.ableToSupport() != AbleToSupport.UNKNOWN
                && (d.overrideReason() == null || d.overrideReason().isBlank())) {
            throw new DomainException("overrideReason", "obligor.override.reasonRequired");
        }
        IdType type = d.idType() == null ? IdType.RESIDENT_ID : d.idType();
        if (normalized != null && IdNumbers.encodesBirthAndSex(type, normalized)) {
            LocalDate born = IdNumbers.birthDate(normalized).orElseThrow();
            if (d.birthDate() != null && !d.birthDate().equals(born)) {
                throw new DomainException("birthDate", "person.birthDate.notTheNumbers");
            }
            return born;
        }
        return d.birthDate();
    }

    /** A 共同生活 start date cannot be later than today (the form checks the system clock, this the app's). */
    private void notFuture(String field, LocalDate date) {
        if (date.isAfter(today())) {
            throw new DomainException(field, "member.joinedOn.future");
        }
    }

    /** A person lives in one household at a time: a start date before the end of another membership is refused. */
    private void notOverlapping(long personId, Long memberId, LocalDate joined, String field) {
        if (members.endsAfter(personId, memberId == null ? -1 : memberId, joined)) {
            throw new DomainException(field, "member.joinedOn.overlap");
        }
    }

    /** A history sentence from the message bundle ({@code household.history.*}), in zh-CN: the file's record. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private void history(Household h, String type, String summary) {
        changes.save(new HouseholdChange(h.getId(), clock.instant(), CurrentStaff.usernameOrSystem(), type, summary));
        audit.record(type, "household", h.getId(), h.getAreaCode(), summary);
    }

    private static String describe(Household h) {
        return "地址=" + h.getAddress() + "；区划=" + h.getAreaCode() + "；户籍=" + h.getHukouType() + "；居住地="
                + Objects.toString(h.getResidenceAddress(), "") + "；网格=" + Objects.toString(h.getGrid(), "")
                + "；标签=" + h.tagSet();
    }

    private static String describe(Person p) {
        return "姓名=" + p.getName() + "；证件=" + IdNumbers.mask(p.getIdNumber()) + "；残疾=" + p.getDisabilityCategory()
                + "/" + p.getDisabilityGrade() + "；自理=" + p.getSelfCareTier() + "；重病=" + p.isSeriousIllness()
                + "；劳动能力=" + p.getLabourAbility() + "；就业=" + p.getEmployment() + "；在学=" + p.getStudentLevel()
                + "；服刑=" + p.isServingSentence() + "；戒毒=" + p.isCompulsoryRehab() + "；失踪=" + p.isDeclaredMissing();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
