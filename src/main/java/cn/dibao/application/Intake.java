package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.document.DocumentStore;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import cn.dibao.standard.StandardVersion;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static cn.dibao.application.ApplicationState.ACCEPTED;
import static cn.dibao.application.ApplicationState.RETURNED;
import static cn.dibao.application.CaseInputs.blankToNull;
import static cn.dibao.application.CaseInputs.with;

/** 受理 at the window (一门受理, domain-rules §3.1), 补正 of missing materials, and scans of signed papers. */
@Service
@Transactional
@RequiredArgsConstructor
class Intake {

    /** Scan purposes of a case: the signed 承诺书 and 授权书, investigation signatures, proxy papers. */
    static final List<String> DOCUMENT_PURPOSES = List.of("PROMISE", "AUTHORISATION", "HOME_VISIT", "PROXY", "OTHER");

    private final ApplicationRepository applications;
    private final CaseSteps steps;
    private final CaseDeadlines deadlines;
    private final TempReliefGrants grants;
    private final MaterialRequirements materials;
    private final HouseholdService households;
    private final DocumentStore documents;
    private final cn.dibao.benefit.BenefitService benefits;

    /**
     * 受理: registers the case. With every required material, the 承诺书 and the 核对授权书 it is accepted
     * and the clock starts; otherwise it waits as 退回补正 and the 一次性告知书 lists everything missing. A
     * 临时救助 for a household that has had its grants of the year is refused (ADR 0024).
     */
    long accept(ApplicationInput.New in) {
        StaffPrincipal me = steps.actor(CaseAction.ACCEPT);
        HouseholdFile household = households.file(in.householdId()); // 404 outside the user's area
        if (household.members().stream().noneMatch(m -> m.personId() == in.applicantPersonId())) {
            throw new DomainException("applicantPersonId", "application.applicant.notMember");
        }
        if (in.channel() == Channel.PROXY && (in.proxyName() == null || in.proxyName().isBlank())) {
            throw new DomainException("proxyName", "application.proxy.required");
        }
        if (in.receivedOn().isAfter(steps.today())) {
            throw new DomainException("receivedOn", "application.date.future");
        }
        StandardVersion settings = deadlines.settings(household, YearMonth.from(in.receivedOn()), "receivedOn");
        if (in.assistanceType().oneOff()) {
            grants.checkApplication(household.id(), in.receivedOn(), settings, "assistanceType");
        }
        Application a = new Application(household.id(), in.applicantPersonId(), in.assistanceType(), in.channel(),
                household.areaCode(), settings.id(), settings.procedure().decisionDelegated(), in.receivedOn(), me.getUsername());
        a.setProxyName(blankToNull(in.proxyName()));
        a.setProxyRelation(blankToNull(in.proxyRelation()));
        a.setReason(blankToNull(in.reason()));
        a.setNearRelative(Boolean.TRUE.equals(in.nearRelative()));
        a.setNearRelativeNote(blankToNull(in.nearRelativeNote()));
        Set<String> codes = materials.known(in.assistanceType(), in.materials());
        if (Boolean.TRUE.equals(in.promiseSigned())) {
            codes = with(codes, "PROMISE");
        }
        if (Boolean.TRUE.equals(in.authorisationSigned())) {
            codes = with(codes, "AUTHORISATION");
        }
        signed(a, codes);
        if (!in.assistanceType().oneOff()) {
            oneMonthlyCase(household.id(), in);
        }
        boolean complete = materials.missing(a).isEmpty();
        a.setState(complete ? ACCEPTED : RETURNED);
        a.setReturnedFrom(complete ? null : ACCEPTED);
        deadlines.startClock(a, settings, in.receivedOn(), a.getState());
        try {
            applications.saveAndFlush(a);
        } catch (DataIntegrityViolationException e) {
            throw new DomainException("assistanceType", "application.duplicateOpen");
        }
        steps.accepted(a, complete ? null : steps.text("application.timeline.incomplete"));
        return a.getId();
    }

    /**
     * One monthly case at a time per household (一次申请、分类审核认定: the case decides the programme) and
     * none for what the applicant already has (a new case after 已纳入, ADR 0026).
     */
    private void oneMonthlyCase(long householdId, ApplicationInput.New in) {
        applications.openOf(householdId).stream()
                .filter(o -> !o.getAssistanceType().oneOff() && o.getAssistanceType() != in.assistanceType())
                .findFirst().ifPresent(o -> {
                    throw new DomainException("assistanceType", "application.otherOpen", String.valueOf(o.getId()));
                });
        benefits.refuseDuplicate(householdId, in.applicantPersonId(), in.assistanceType().name(),
                in.assistanceType().programme().name(), "assistanceType");
    }

    /** 补正: materials brought later; a case returned at intake is accepted once complete. */
    void supplement(long id, ApplicationInput.Supplement in) {
        CaseSteps.Step s = steps.begin(CaseAction.SUPPLEMENT, id);
        Application a = s.a();
        Set<String> codes = a.materialSet();
        codes.addAll(materials.known(a.getAssistanceType(), in.materials()));
        if (Boolean.TRUE.equals(in.promiseSigned())) {
            codes.add("PROMISE");
        }
        if (Boolean.TRUE.equals(in.authorisationSigned())) {
            codes.add("AUTHORISATION");
        }
        signed(a, codes);
        materials.requireComplete(a, "materials");
        ApplicationState back = a.getReturnedFrom() == null ? ACCEPTED : a.getReturnedFrom();
        if (back == ACCEPTED) {
            // the time limits run from the day the materials are complete (受理)
            deadlines.startClock(a, deadlines.settingsOf(a), steps.today(), ACCEPTED);
        }
        a.setReturnedFrom(null);
        steps.transition(s, back, null);
    }

    /**
     * Attaches a scan (PDF/JPG/PNG, checked from its content). A scan of the signed 承诺书 or 核对授权书
     * also ticks that material.
     */
    void attach(long id, String purpose, MultipartFile file) {
        steps.actor(CaseAction.ATTACH);
        if (purpose == null || !DOCUMENT_PURPOSES.contains(purpose)) {
            throw new DomainException("purpose", "application.document.purpose");
        }
        CaseSteps.Step s = steps.begin(CaseAction.ATTACH, id);
        Application a = s.a();
        var doc = documents.store("APPLICATION", a.getId(), purpose, a.getAreaCode(), file);
        if (purpose.equals("PROMISE") || purpose.equals("AUTHORISATION")) {
            signed(a, with(a.materialSet(), purpose));
        }
        steps.note(s, purpose + " " + doc.originalName() + " sha256=" + doc.sha256().substring(0, 12));
    }

    /** The materials, and the 承诺书 and 核对授权书 ticked from them. */
    private static void signed(Application a, Set<String> codes) {
        a.materialSet(codes);
        a.setPromiseSigned(codes.contains("PROMISE"));
        a.setAuthorisationSigned(codes.contains("AUTHORISATION"));
    }
}
