package cn.dibao.application.web;

import cn.dibao.application.ReliefFunds;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;

/** Township stand-by funds (备用金): balances and ledgers for staff; top-ups by county reviewers. */
@Controller
class ReliefFundController {

    private final ReliefFunds funds;

    ReliefFundController(ReliefFunds funds) {
        this.funds = funds;
    }

    record TopUpForm(@NotNull(message = "{application.amount.required}")
                     @DecimalMin(value = "0.01", message = "{application.amount.positive}")
                     @Digits(integer = 10, fraction = 2, message = "{standard.decimal.format}") BigDecimal amount,
                     @NotBlank(message = "{application.reason.required}")
                     @Size(max = 500, message = "{application.tooLong}") String note) {
    }

    @GetMapping("/applications/relief-funds")
    String list(Model model) {
        model.addAttribute("funds", funds.funds(CurrentStaff.scope().likePattern()));
        return "application/funds";
    }

    @GetMapping("/applications/relief-funds/{township}")
    String ledger(@PathVariable String township, Model model) {
        return ledgerView(township, model);
    }

    @PostMapping("/applications/relief-funds/{township}")
    String topUp(@PathVariable String township, @Valid @ModelAttribute("form") TopUpForm form, BindingResult result,
                 Model model, RedirectAttributes redirect) {
        StaffPrincipal me = CurrentStaff.require();
        if (!township.matches("\\d{12}")) {
            throw new NotFoundException("relief fund", township);
        }
        if (!me.hasRole(Role.REVIEWER) || !me.scope().contains(township.substring(0, 6) + "000000")) {
            throw new ForbiddenActionException("application.countyOnly");
        }
        if (!result.hasErrors()) {
            try {
                BigDecimal balance = funds.topUp(township, form.amount(), form.note().trim(), me.getUsername());
                redirect.addFlashAttribute("message", "fund.toppedUp");
                redirect.addFlashAttribute("messageArg", balance.toPlainString());
                return "redirect:/applications/relief-funds/" + township;
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        return ledgerView(township, model);
    }

    private String ledgerView(String township, Model model) {
        var fund = funds.funds(CurrentStaff.scope().likePattern()).stream()
                .filter(f -> f.townshipCode().equals(township)).findFirst()
                .orElseThrow(() -> new NotFoundException("relief fund", township));
        model.addAttribute("fund", fund);
        model.addAttribute("entries", funds.entries(township));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TopUpForm(null, null));
        }
        return "application/fund";
    }
}
