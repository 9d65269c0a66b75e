package cn.dibao.payout.web;

import cn.dibao.common.identity.IdType;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.web.NestedFormRebinder;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.payout.PaymentAccountChoices;
import cn.dibao.payout.PaymentAccountForm;
import cn.dibao.payout.PaymentAccountPayee;
import cn.dibao.payout.PaymentAccountService;
import cn.dibao.payout.PaymentChannel;
import cn.dibao.payout.RevealedPaymentAccount;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 收款账户 pages of a household: the form that opens (or replaces) a payee's account, deactivation
 * and the audited reveal. The list itself is a section of the household file page
 * ({@code templates/payout/accounts.html}). Changing needs CASEWORKER or REVIEWER (SecurityConfig
 * and the service).
 */
@Controller
@RequestMapping("/households/{householdId}/payment-accounts")
class PaymentAccountController {

    static final String VIEW_FORM = "payout/account-form";
    static final String SECTION = "#payment-accounts";

    private final PaymentAccountService accounts;
    private final NestedFormRebinder rebinder;
    private final Validator validator;

    PaymentAccountController(PaymentAccountService accounts, NestedFormRebinder rebinder,
                             @Qualifier("mvcValidator") Validator validator) {
        this.accounts = accounts;
        this.rebinder = rebinder;
        this.validator = validator;
    }

    /** The page form: the service's fields plus the uploaded agreement. */
    record AccountForm(Long personId, PaymentChannel channel, String bankName, String accountNo, String holderName,
                       IdType holderIdType, String holderIdNumber, boolean custody, Long custodyDocumentId,
                       MultipartFile agreement) {

        PaymentAccountForm account() {
            return new PaymentAccountForm(personId, channel, bankName, accountNo, holderName, holderIdType,
                    holderIdNumber, custody, custodyDocumentId);
        }
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("channels", PaymentChannel.values());
        model.addAttribute("idTypes", IdType.values());
    }

    @GetMapping("/new")
    String initCreateForm(@PathVariable long householdId, @RequestParam(required = false) Long personId,
                          Model model) {
        accounts.requireMayChange();
        PaymentAccountChoices choices = accounts.choices(householdId);
        PaymentAccountPayee payee = choices.payees().stream()
                .filter(p -> personId != null && p.personId() == personId).findFirst()
                .orElse(choices.payees().isEmpty() ? null : choices.payees().get(0));
        // the holder is normally the payee: their name and masked number stand for them
        model.addAttribute("form", new AccountForm(payee == null ? null : payee.personId(), PaymentChannel.BANK_CARD,
                null, null, payee == null ? null : payee.name(), IdType.RESIDENT_ID,
                payee == null ? null : payee.idNumberMasked(), false, null, null));
        model.addAttribute("choices", choices);
        return VIEW_FORM;
    }

    @PostMapping
    String processCreateForm(@PathVariable long householdId, @ModelAttribute("form") AccountForm form,
                             BindingResult result, Model model, RedirectAttributes redirect,
                             HttpServletRequest request) {
        if (result.getTarget() != null) {
            // the same rules as the API: the annotated fields have the same names on both records
            validator.validate(form.account(), result);
        }
        if (!result.hasErrors()) {
            try {
                long id = accounts.open(householdId, form.account(), form.agreement());
                redirect.addFlashAttribute("message", "payment.opened");
                redirect.addFlashAttribute("messageArg", id);
                return "redirect:/households/" + householdId + SECTION;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        rebinder.keepTypedValues(request, "form", AccountForm.class, result, model);
        model.addAttribute("choices", accounts.choices(householdId));
        return VIEW_FORM;
    }

    @PostMapping("/{accountId}/deactivate")
    String deactivate(@PathVariable long householdId, @PathVariable long accountId,
                      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        requireOfHousehold(householdId, accountId);
        try {
            accounts.deactivate(accountId, reason);
            redirect.addFlashAttribute("message", "payment.deactivated");
            redirect.addFlashAttribute("messageArg", accountId);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/households/" + householdId + SECTION;
    }

    /** Shows one account's full numbers on the file page, once; the reveal is audited by the service. */
    @PostMapping("/{accountId}/reveal")
    String reveal(@PathVariable long householdId, @PathVariable long accountId, RedirectAttributes redirect) {
        requireOfHousehold(householdId, accountId);
        RevealedPaymentAccount r = accounts.reveal(accountId);
        redirect.addFlashAttribute("revealedAccountId", r.id());
        redirect.addFlashAttribute("revealedAccountNo", r.accountNo());
        redirect.addFlashAttribute("revealedHolderIdNumber", r.holderIdNumber());
        return "redirect:/households/" + householdId + SECTION;
    }

    private void requireOfHousehold(long householdId, long accountId) {
        if (accounts.get(accountId).householdId() != householdId) {
            throw new NotFoundException("payment account", accountId);
        }
    }
}
