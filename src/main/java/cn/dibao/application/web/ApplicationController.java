package cn.dibao.application.web;

import cn.dibao.application.ApplicationInput;
import cn.dibao.application.ApplicationService;
import cn.dibao.application.ApplicationView;
import cn.dibao.application.AssistanceType;
import cn.dibao.application.Channel;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The case pages: 受理 (a new application from a household), the case file with one form per
 * step the case is at, and each step's POST. A refused step re-renders the case with the error
 * on its own form; a done step redirects back to the case (post/redirect/get).
 */
@Controller
@RequestMapping("/applications")
class ApplicationController {

    static final String VIEW_NEW = "application/new";
    static final String VIEW_CASE = "application/case";

    /** The steps whose only input is a written reason, by URL segment. */
    private final Map<String, BiConsumer<Long, ApplicationInput.Reason>> reasonActions;

    private final ApplicationService applications;
    private final HouseholdService households;

    ApplicationController(ApplicationService applications, HouseholdService households) {
        this.applications = applications;
        this.households = households;
        this.reasonActions = Map.of(
                "refuse", applications::refuse,
                "return", applications::returnForSupplement,
                "withdraw", applications::withdraw,
                "terminate", applications::terminate,
                "extend", applications::extend,
                "complaint", applications::recordComplaint,
                "post-check", applications::recordPostCheck);
    }

    // ---- 受理 -----------------------------------------------------------------------------------

    @GetMapping("/new")
    String newForm(@RequestParam long householdId, Model model) {
        HouseholdFile file = households.file(householdId);
        Long applicant = file.headPersonId();
        model.addAttribute("form", new ApplicationInput.New(householdId, applicant, AssistanceType.DIBAO,
                Channel.WINDOW, null, null, null, applications.today(), Set.of(), false, false, false, null));
        return newView(file, model);
    }

    @PostMapping
    String accept(@Valid @ModelAttribute("form") ApplicationInput.New form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (form.householdId() == null) {
            throw new NotFoundException("household", 0);
        }
        if (!result.hasErrors()) {
            try {
                long id = applications.accept(form);
                redirect.addFlashAttribute("message", "application.accepted");
                redirect.addFlashAttribute("messageArg", id);
                return "redirect:/applications/" + id;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        return newView(households.file(form.householdId()), model);
    }

    private String newView(HouseholdFile file, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("types", AssistanceType.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("allMaterials", applications.allMaterials());
        return VIEW_NEW;
    }

    // ---- the case -------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return caseView(id, model);
    }

    @PostMapping("/{id}/supplement")
    String supplement(@PathVariable long id, @ModelAttribute("supplementForm") ApplicationInput.Supplement form,
                      BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.supplement(id, form));
    }

    @PostMapping("/{id}/start-investigation")
    String startInvestigation(@PathVariable long id, @ModelAttribute("startForm") Object form, BindingResult result,
                              Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.startInvestigation(id));
    }

    @PostMapping("/{id}/home-visits")
    String homeVisit(@PathVariable long id, @Valid @ModelAttribute("visitForm") ApplicationInput.HomeVisit form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.recordHomeVisit(id, form));
    }

    @PostMapping("/{id}/interviews")
    String interview(@PathVariable long id, @Valid @ModelAttribute("interviewForm") ApplicationInput.Interview form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.recordInterview(id, form));
    }

    @PostMapping("/{id}/verification-requests")
    String requestVerification(@PathVariable long id, @ModelAttribute("verifyRequestForm") Object form,
                               BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.requestVerification(id));
    }

    @PostMapping("/{id}/verification-result")
    String verificationResult(@PathVariable long id,
                              @Valid @ModelAttribute("verifyForm") ApplicationInput.VerificationResult form,
                              BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.recordVerificationResult(id, form));
    }

    @PostMapping("/{id}/submit-investigation")
    String submitInvestigation(@PathVariable long id, @ModelAttribute("submitForm") Object form, BindingResult result,
                               Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.submitInvestigation(id));
    }

    @PostMapping("/{id}/township-review")
    String review(@PathVariable long id, @Valid @ModelAttribute("reviewForm") ApplicationInput.Review form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.townshipReview(id, form));
    }

    @PostMapping("/{id}/objections")
    String objection(@PathVariable long id, @Valid @ModelAttribute("objectionForm") ApplicationInput.Objection form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.recordObjection(id, form));
    }

    @PostMapping("/{id}/close-publicity")
    String closePublicity(@PathVariable long id, @ModelAttribute("closeForm") Object form, BindingResult result,
                          Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.closePublicity(id));
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @Valid @ModelAttribute("approveForm") ApplicationInput.Approve form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.approve(id, form));
    }

    @PostMapping("/{id}/notice-delivered")
    String delivered(@PathVariable long id, @Valid @ModelAttribute("deliveryForm") ApplicationInput.Delivery form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.deliverNotice(id, form));
    }

    @PostMapping("/{id}/urgent-grant")
    String urgentGrant(@PathVariable long id, @Valid @ModelAttribute("urgentForm") ApplicationInput.UrgentGrant form,
                       BindingResult result, Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.grantUrgent(id, form));
    }

    @PostMapping("/{id}/paperwork-done")
    String paperworkDone(@PathVariable long id, @ModelAttribute("paperworkForm") Object form, BindingResult result,
                         Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.completePaperwork(id));
    }

    /** A scan for the case (承诺书, 授权书, investigation signatures…). */
    record UploadForm(String purpose, org.springframework.web.multipart.MultipartFile file) {
    }

    @PostMapping("/{id}/documents")
    String upload(@PathVariable long id, @ModelAttribute("uploadForm") UploadForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        return step(id, result, model, redirect, () -> applications.attach(id, form.purpose(), form.file()));
    }

    /** The steps that take only a reason: refuse, return, withdraw, terminate, extend, complaint, post-check. */
    @PostMapping("/{id}/{action:refuse|return|withdraw|terminate|extend|complaint|post-check}")
    String reasonStep(@PathVariable long id, @PathVariable String action,
                      @Valid @ModelAttribute("reasonForm") ApplicationInput.Reason form, BindingResult result,
                      Model model, RedirectAttributes redirect) {
        model.addAttribute("reasonAction", action);
        return step(id, result, model, redirect, () -> reasonActions.get(action).accept(id, form));
    }

    private String step(long id, BindingResult result, Model model, RedirectAttributes redirect, Runnable action) {
        if (!result.hasErrors()) {
            try {
                action.run();
                redirect.addFlashAttribute("message", "application.stepDone");
                redirect.addFlashAttribute("messageArg", id);
                return "redirect:/applications/" + id;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        return caseView(id, model);
    }

    private String caseView(long id, Model model) {
        ApplicationView view = applications.get(id);
        model.addAttribute("app", view);
        model.addAttribute("materials", applications.materials(view.assistanceType()));
        model.addAttribute("today", applications.today());
        // empty forms for every step the page may show, unless one came back with errors
        putIfAbsent(model, "supplementForm", new ApplicationInput.Supplement(Set.of(), false, false));
        putIfAbsent(model, "visitForm", new ApplicationInput.HomeVisit(applications.today(), null, null, false, false));
        putIfAbsent(model, "interviewForm", new ApplicationInput.Interview(applications.today(), null, null));
        putIfAbsent(model, "verifyForm", new ApplicationInput.VerificationResult(null, null));
        putIfAbsent(model, "reviewForm", new ApplicationInput.Review(YearMonth.from(applications.today()), null, null,
                null, null, null, null, null, null));
        putIfAbsent(model, "objectionForm", new ApplicationInput.Objection(applications.today(), null));
        putIfAbsent(model, "approveForm", new ApplicationInput.Approve(null));
        putIfAbsent(model, "deliveryForm", new ApplicationInput.Delivery(applications.today()));
        putIfAbsent(model, "urgentForm", new ApplicationInput.UrgentGrant(null, null));
        putIfAbsent(model, "reasonForm", new ApplicationInput.Reason(null));
        putIfAbsent(model, "uploadForm", new UploadForm("PROMISE", null));
        model.addAttribute("documents", applications.documents(id));
        model.addAttribute("documentPurposes", ApplicationService.DOCUMENT_PURPOSES);
        for (String plain : new String[]{"startForm", "verifyRequestForm", "submitForm", "closeForm", "paperworkForm"}) {
            putIfAbsent(model, plain, new Object());
        }
        return VIEW_CASE;
    }

    private static void putIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }
}
