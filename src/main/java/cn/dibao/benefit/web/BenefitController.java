package cn.dibao.benefit.web;

import cn.dibao.area.AreaService;
import cn.dibao.benefit.BenefitChange;
import cn.dibao.benefit.BenefitService;
import cn.dibao.benefit.BenefitView;
import cn.dibao.benefit.ChangeKind;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.web.NestedFormRebinder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * The benefit page: what a benefit pays, its versions over time and what is owed back (追回), with
 * the county reviewer's decisions (增发 / 减发 / 停发 / 暂停 / 恢复) and the 渐退期 form. Readers are
 * the roles that read household files; the service checks who may decide.
 */
@Controller
@RequestMapping("/benefits")
@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','AUDITOR')")
class BenefitController {

    /** The kinds of the change form, in the order a reviewer thinks of them. */
    static final List<ChangeKind> KINDS = Arrays.stream(ChangeKind.values()).filter(ChangeKind::manual).toList();
    static final List<String> REASON_CODES = List.of("INCOME", "MEMBERS", "PROPERTY", "REVIEW", "DEATH",
            "REFUSED_WORK", "NOT_COLLECTED", "MOVED", "EMPLOYMENT", "OTHER");

    private final BenefitService benefits;
    private final AreaService areas;
    private final NestedFormRebinder rebinder;
    private final Clock clock;

    BenefitController(BenefitService benefits, AreaService areas, NestedFormRebinder rebinder, Clock clock) {
        this.benefits = benefits;
        this.areas = areas;
        this.rebinder = rebinder;
        this.clock = clock;
    }

    /** A decision: the kind, from when, the new components (增发 / 减发) and why. */
    record ChangeForm(@NotNull(message = "{benefit.change.kind}") ChangeKind kind,
                      @DateTimeFormat(pattern = "yyyy-MM") YearMonth effective,
                      BigDecimal gap, BigDecimal topup, BigDecimal basic, BigDecimal care,
                      String reasonCode,
                      @NotBlank(message = "{benefit.change.reason.required}") String reason,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deathDate) {

        BenefitChange toChange() {
            return new BenefitChange(kind, effective, gap, topup, basic, care, reasonCode, reason, deathDate);
        }
    }

    /** 渐退期: from when, how many months, at what percentage, and why. */
    record GradualForm(@NotNull(message = "{benefit.change.effective.required}") @DateTimeFormat(pattern = "yyyy-MM")
                       YearMonth effective,
                       @NotNull(message = "{benefits.gradual.months.required}") Integer months,
                       @NotNull(message = "{benefit.gradual.ratio}") BigDecimal ratioPct,
                       @NotBlank(message = "{benefit.change.reason.required}") String reason) {
    }

    /** Money paid back outside the runs: how much, when, and how (receipt, transfer). */
    record RepaymentForm(BigDecimal amount, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
                         String note) {
    }

    /** Another member of the household as the payee of its 低保, and why. */
    record PayeeForm(@NotNull(message = "{benefit.payee.notMember}") Long personId,
                     @NotBlank(message = "{benefit.change.reason.required}") String reason) {
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return view(id, model);
    }

    @PostMapping("/{id}/changes")
    String change(@PathVariable long id, @Valid @ModelAttribute("changeForm") ChangeForm form, BindingResult result,
                  Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                BenefitView b = benefits.change(id, form.toChange());
                redirect.addFlashAttribute("message", "benefits.changed");
                redirect.addFlashAttribute("messageArg", b.versions().get(b.versions().size() - 1).from().toString());
                return "redirect:/benefits/" + id;
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        rebinder.keepTypedValues(request, "changeForm", ChangeForm.class, result, model);
        model.addAttribute("openForm", "change");
        return view(id, model);
    }

    @PostMapping("/{id}/gradual-exit")
    String gradualExit(@PathVariable long id, @Valid @ModelAttribute("gradualForm") GradualForm form,
                       BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                benefits.gradualExit(id, form.effective(), form.months(), form.ratioPct(), form.reason());
                redirect.addFlashAttribute("message", "benefits.gradualDone");
                redirect.addFlashAttribute("messageArg", form.effective().toString());
                return "redirect:/benefits/" + id;
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        rebinder.keepTypedValues(request, "gradualForm", GradualForm.class, result, model);
        model.addAttribute("openForm", "gradual");
        return view(id, model);
    }

    @PostMapping("/{id}/repayments")
    String repayment(@PathVariable long id, @ModelAttribute("repaymentForm") RepaymentForm form, BindingResult result,
                     Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                benefits.recordRepayment(id, form.amount(), form.paidOn(), form.note());
                redirect.addFlashAttribute("message", "benefits.repaid");
                redirect.addFlashAttribute("messageArg", form.amount().toPlainString());
                return "redirect:/benefits/" + id;
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        rebinder.keepTypedValues(request, "repaymentForm", RepaymentForm.class, result, model);
        model.addAttribute("openForm", "repayment");
        return view(id, model);
    }

    @PostMapping("/{id}/payee")
    String payee(@PathVariable long id, @Valid @ModelAttribute("payeeForm") PayeeForm form, BindingResult result,
                 Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                BenefitView b = benefits.changePayee(id, form.personId(), form.reason());
                redirect.addFlashAttribute("message", "benefits.payeeChanged");
                redirect.addFlashAttribute("messageArg", b.payeeName());
                return "redirect:/benefits/" + id;
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        rebinder.keepTypedValues(request, "payeeForm", PayeeForm.class, result, model);
        model.addAttribute("openForm", "payee");
        return view(id, model);
    }

    /** A rule refused the form: on its field or the whole form; someone who may not decide gets 403. */
    private static void reject(DomainException e, BindingResult result) {
        if (e instanceof ForbiddenActionException && !mayDecide()) {
            throw e;
        }
        e.rejectOn(result);
    }

    private String view(long id, Model model) {
        BenefitView b = benefits.get(id);
        YearMonth next = YearMonth.now(clock).plusMonths(1);
        model.addAttribute("benefit", b);
        model.addAttribute("areaPath", areas.pathOf(b.areaCode()));
        model.addAttribute("mayDecide", mayDecide() && !b.oneOff());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("reasonCodes", REASON_CODES);
        if (!model.containsAttribute("changeForm")) {
            model.addAttribute("changeForm", new ChangeForm(null, next, null, null, null, null, null, null, null));
        }
        if (!model.containsAttribute("repaymentForm")) {
            model.addAttribute("repaymentForm", new RepaymentForm(null, LocalDate.now(clock), null));
        }
        if (!model.containsAttribute("payeeForm")) {
            model.addAttribute("payeeForm", new PayeeForm(null, null));
        }
        if (!model.containsAttribute("gradualForm")) {
            model.addAttribute("gradualForm", new GradualForm(next, null, null, null));
        }
        return "benefit/show";
    }

    /** Decisions on benefits are the county's (the service checks again). */
    private static boolean mayDecide() {
        StaffPrincipal me = CurrentStaff.require();
        return me.hasRole(Role.REVIEWER) && me.scope().prefix().length() <= 6;
    }
}
