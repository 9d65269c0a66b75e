package cn.dibao.payout.web;

import cn.dibao.area.AreaLevel;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.benefit.BenefitRecalculator;
import cn.dibao.benefit.Recalculation;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.web.NestedFormRebinder;
import cn.dibao.payout.BankFileDownload;
import cn.dibao.payout.GrantForm;
import cn.dibao.payout.PayoutGrant;
import cn.dibao.payout.PayoutIssue;
import cn.dibao.payout.PayoutItem;
import cn.dibao.payout.PayoutItemQuery;
import cn.dibao.payout.PayoutRun;
import cn.dibao.payout.PayoutRunService;
import cn.dibao.payout.PayoutRunService.BankFileFormat;
import cn.dibao.payout.PayoutRunStatus;
import cn.dibao.payout.PayoutTotal;
import cn.dibao.payout.ReturnImportResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 发放 pages (issue 6): the runs of the user's scope with the forms to generate a run, plan a
 * one-off grant and recalculate for a new standard; and a run's page with totals, a chart, the
 * exceptions, the items, the bank file, the return files, hand payments, the close and the
 * reconciliation. Forms re-render with their errors; a done action redirects with a flash notice.
 */
@Controller
@RequestMapping("/payouts")
class PayoutRunController {

    static final int PAGE_SIZE = 50;
    static final int ISSUE_LIMIT = 200;
    static final int RUN_LIMIT = 120;
    static final String DEFAULT_GRANT_NAME = "春节一次性生活补贴";
    static final List<String> GRANT_PROGRAMMES = List.of("DIBAO", "DIBAO_SINGLE", "TEKUN");
    static final List<String> BASES = List.of("STANDARD_MONTHS", "FIXED_PER_PERSON");
    static final List<String> KINDS = List.of("MONTHLY", "ONE_OFF", "ARREARS", "RECOVERY", "SUPPLEMENT");
    static final List<String> ITEM_STATUSES = List.of("ISSUED", "PAID", "FAILED", "RETURNED");
    /** Beyond this page the offset would be nonsense: clamp rather than overflow. */
    static final int MAX_PAGE = 100_000;

    private final PayoutRunService runs;
    private final BenefitRecalculator recalculations;
    private final AreaService areas;
    private final NestedFormRebinder rebinder;
    private final Clock clock;

    PayoutRunController(PayoutRunService runs, BenefitRecalculator recalculations, AreaService areas,
                        NestedFormRebinder rebinder, Clock clock) {
        this.runs = runs;
        this.recalculations = recalculations;
        this.areas = areas;
        this.rebinder = rebinder;
        this.clock = clock;
    }

    // ---- forms ----------------------------------------------------------------------------------

    record GenerateForm(@NotBlank(message = "{payout.county.unknown}") String countyCode,
                        @NotNull(message = "{payout.month.required}") @DateTimeFormat(pattern = "yyyy-MM")
                        YearMonth month) {
    }

    record RecalcForm(@NotBlank(message = "{payout.county.unknown}") String countyCode,
                      @NotNull(message = "{payout.month.required}") @DateTimeFormat(pattern = "yyyy-MM")
                      YearMonth month) {
    }

    /** The item search of a run page; strings, so nothing typed in a URL can fail to bind. */
    record ItemSearch(String township, String programme, String kind, String status, String q, String page) {

        static ItemSearch none() {
            return new ItemSearch(null, null, null, null, null, null);
        }

        int pageNumber() {
            if (page == null || !page.strip().matches("[0-9]{1,9}")) {
                return 0;
            }
            return Math.min(Integer.parseInt(page.strip()), MAX_PAGE);
        }

        PayoutItemQuery query() {
            return new PayoutItemQuery(township, programme, kind, status, q == null ? null : q.strip());
        }

        /** The run page with this search (and another page number). */
        String url(long runId, Integer pageNumber) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/payouts/" + runId);
            add(b, "township", township);
            add(b, "programme", programme);
            add(b, "kind", kind);
            add(b, "status", status);
            add(b, "q", q);
            if (pageNumber != null && pageNumber > 0) {
                b.queryParam("page", pageNumber);
            }
            return b.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder b, String name, String value) {
            if (value != null && !value.isBlank()) {
                b.queryParam(name, value);
            }
        }
    }

    record ReturnsForm(MultipartFile file) {
    }

    record HandForm(String note) {
    }

    // ---- the runs -------------------------------------------------------------------------------

    @GetMapping
    String list(Model model) {
        return listView(model);
    }

    @PostMapping
    String generate(@Valid @ModelAttribute("generateForm") GenerateForm form, BindingResult result, Model model,
                    HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                PayoutRunStatus before = runs.find(form.countyCode(), form.month()).map(PayoutRun::status).orElse(null);
                PayoutRun run = runs.generate(form.countyCode(), form.month());
                notice(redirect, before == null ? "payouts.notice.generated"
                                : before == PayoutRunStatus.GENERATING ? "payouts.notice.resumed" : "payouts.notice.existing",
                        run.month().toString(), run.itemCount(), money(run.totalAmount()));
                return "redirect:/payouts/" + run.id();
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        rebinder.keepTypedValues(request, "generateForm", GenerateForm.class, result, model);
        model.addAttribute("openForm", "generate");
        return listView(model);
    }

    @PostMapping("/grants")
    String grant(@Valid @ModelAttribute("grantForm") GrantForm form, BindingResult result, Model model,
                 HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                PayoutGrant g = runs.createGrant(form.countyCode(), form.month(), form.name(), form.programmes(),
                        form.basis(), form.factor());
                notice(redirect, "payouts.notice.grant", g.name(), g.month().toString());
                return "redirect:/payouts";
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        rebinder.keepTypedValues(request, "grantForm", GrantForm.class, result, model);
        model.addAttribute("openForm", "grant");
        return listView(model);
    }

    @PostMapping("/recalculations")
    String recalculate(@Valid @ModelAttribute("recalcForm") RecalcForm form, BindingResult result, Model model,
                       HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Recalculation r = runs.recalculate(form.countyCode(), form.month());
                notice(redirect, "payouts.notice.recalculated", r.month().toString(), r.examined(), r.changed(),
                        r.skipped());
                return "redirect:/payouts";
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        rebinder.keepTypedValues(request, "recalcForm", RecalcForm.class, result, model);
        model.addAttribute("openForm", "recalc");
        return listView(model);
    }

    /** A rule refused the form: on its field, or the whole form; a refused actor without the forms gets 403. */
    private static void reject(DomainException e, BindingResult result) {
        if (e instanceof ForbiddenActionException && !mayRun()) {
            throw e;
        }
        e.rejectOn(result);
    }

    private String listView(Model model) {
        boolean mayRun = mayRun();
        List<PayoutRun> list = runs.list(RUN_LIMIT);
        List<AreaView> counties = areas.activeInScope(AreaLevel.COUNTY);
        Map<String, String> countyNames = new LinkedHashMap<>();
        counties.forEach(c -> countyNames.put(c.code(), c.name()));
        list.forEach(r -> countyNames.computeIfAbsent(r.countyCode(), c -> areas.nameOf(c).orElse(c)));
        String defaultCounty = counties.size() == 1 ? counties.get(0).code() : null;
        YearMonth now = YearMonth.now(clock);
        putIfAbsent(model, "generateForm", new GenerateForm(defaultCounty, now));
        putIfAbsent(model, "grantForm", new GrantForm(defaultCounty, now.plusMonths(1), DEFAULT_GRANT_NAME,
                GRANT_PROGRAMMES, "STANDARD_MONTHS", BigDecimal.ONE));
        putIfAbsent(model, "recalcForm", new RecalcForm(defaultCounty, now.plusMonths(1)));
        List<CountyPlans> plans = new ArrayList<>();
        for (AreaView c : counties) {
            List<PayoutGrant> grants = runs.grants(c.code());
            List<Recalculation> recalcs = recalculations.list(c.code());
            if (!grants.isEmpty() || !recalcs.isEmpty()) {
                plans.add(new CountyPlans(c.code(), c.name(), grants, recalcs));
            }
        }
        model.addAttribute("runs", list);
        model.addAttribute("counties", counties);
        model.addAttribute("countyNames", countyNames);
        model.addAttribute("plans", plans);
        model.addAttribute("mayRun", mayRun && !counties.isEmpty());
        model.addAttribute("programmes", GRANT_PROGRAMMES);
        model.addAttribute("bases", BASES);
        model.addAttribute("maxMonth", now.plusMonths(1));
        return "payout/list";
    }

    /** The grants and recalculations of one county. */
    record CountyPlans(String countyCode, String countyName, List<PayoutGrant> grants, List<Recalculation> recalcs) {
    }

    // ---- a run ----------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String show(@PathVariable long id, @ModelAttribute("search") ItemSearch search, Model model) {
        return runView(id, search, model);
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @ModelAttribute("approveForm") Object form, BindingResult result,
                   Model model, RedirectAttributes redirect) {
        try {
            PayoutRun run = runs.approve(id);
            notice(redirect, "payouts.notice.approved", run.month().toString());
            return "redirect:/payouts/" + id;
        } catch (DomainException e) {
            e.rejectOn(result);
        }
        return runView(id, ItemSearch.none(), model);
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @ModelAttribute("closeForm") Object form, BindingResult result, Model model,
                 RedirectAttributes redirect) {
        try {
            PayoutRun run = runs.close(id);
            notice(redirect, "payouts.notice.closed", run.month().toString());
            return "redirect:/payouts/" + id;
        } catch (DomainException e) {
            e.rejectOn(result);
        }
        return runView(id, ItemSearch.none(), model);
    }

    /**
     * The bank file (CSV or XLSX) as a download, streamed. Refused (state, role) before the first
     * byte: back to the run page with the reason.
     */
    @GetMapping("/{id}/bank-file")
    String bankFile(@PathVariable long id, @RequestParam(required = false) String format, HttpServletResponse response,
                    RedirectAttributes redirect) throws IOException {
        String ext = BankFileDownload.extension(format == null ? "csv" : format);
        if (ext == null) {
            redirect.addFlashAttribute("payoutError", "payouts.bankFile.format");
            redirect.addFlashAttribute("payoutErrorArgs", new Object[0]);
            return "redirect:/payouts/" + id;
        }
        PayoutRun run = runs.get(id);
        BankFileDownload out = new BankFileDownload(response, BankFileDownload.contentType(ext),
                BankFileDownload.fileName(run.countyCode(), run.month(), ext));
        try {
            runs.exportBankFile(id, ext.equals("xlsx") ? BankFileFormat.XLSX : BankFileFormat.CSV, out);
            out.finish();
            return null;
        } catch (DomainException e) {
            if (out.started()) {
                throw e;
            }
            redirect.addFlashAttribute("payoutError", e.messageKey());
            redirect.addFlashAttribute("payoutErrorArgs", e.args());
            return "redirect:/payouts/" + id;
        }
    }

    /** The bank's return file: applied whole (counts) or rejected whole (every line's error, nothing changed). */
    @PostMapping("/{id}/returns")
    String returns(@PathVariable long id, @ModelAttribute("returnsForm") ReturnsForm form, BindingResult result,
                   Model model, RedirectAttributes redirect) throws IOException {
        MultipartFile file = form == null ? null : form.file();
        PayoutRun run = runs.get(id);
        if (run.status() != PayoutRunStatus.EXPORTED) {
            // the service says the same; first, so that no file of a run that takes none is complained about
            result.reject("payout.run.state", new Object[] {run.status().name()}, "payout.run.state");
        } else if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            result.rejectValue("file", "payouts.returns.file.required");
        } else if (file.isEmpty()) {
            result.rejectValue("file", "payouts.returns.file.empty");
        } else {
            try {
                ReturnImportResult r = runs.importReturns(id, file.getOriginalFilename(), file.getBytes());
                if (r.applied()) {
                    notice(redirect, "payouts.notice.returns", r.lines(), r.paid(), r.failed(), r.returned());
                    return "redirect:/payouts/" + id;
                }
                model.addAttribute("rejectedReturns", r);
                model.addAttribute("rejectedFileName", file.getOriginalFilename());
            } catch (DomainException e) {
                e.rejectOn(result);
            }
        }
        return runView(id, ItemSearch.none(), model);
    }

    /** 线下补发 of a failed or returned item; the search the page showed comes back with the form. */
    @PostMapping("/{id}/items/{itemId}/pay-by-hand")
    String payByHand(@PathVariable long id, @PathVariable long itemId, @ModelAttribute("handForm") HandForm form,
                     BindingResult result, @ModelAttribute("search") ItemSearch search, Model model,
                     RedirectAttributes redirect) {
        try {
            PayoutItem paid = runs.payByHand(itemId, form.note());
            notice(redirect, "payouts.notice.paidByHand", paid.payeeName(), money(paid.amount()));
            return "redirect:" + search.url(paid.runId(), search.pageNumber());
        } catch (DomainException e) {
            e.rejectOn(result);
        }
        model.addAttribute("handItemId", itemId);
        return runView(id, search, model);
    }

    private String runView(long id, ItemSearch search, Model model) {
        PayoutRun run = runs.get(id);
        List<PayoutTotal> totals = runs.totals(id);
        Map<String, String> townships = new TreeMap<>();
        totals.forEach(t -> townships.put(t.townshipCode(), t.townshipName() == null ? t.townshipCode() : t.townshipName()));
        List<String> programmes = totals.stream().map(PayoutTotal::programme).distinct().sorted().toList();
        BigDecimal sum = totals.stream().map(PayoutTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        int sumItems = totals.stream().mapToInt(PayoutTotal::items).sum();
        List<PayoutIssue> issues = runs.issues(id, ISSUE_LIMIT);
        ItemSearch s = search == null ? ItemSearch.none() : search;
        int page = s.pageNumber();
        List<PayoutItem> items = runs.items(id, s.query(), page * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasNext = items.size() > PAGE_SIZE;
        if (hasNext) {
            items = items.subList(0, PAGE_SIZE);
        }
        boolean mayAct = mayRun() && CurrentStaff.scope().contains(run.countyCode());
        model.addAttribute("run", run);
        model.addAttribute("countyName", areas.nameOf(run.countyCode()).orElse(run.countyCode()));
        model.addAttribute("totals", totals);
        model.addAttribute("sum", sum);
        model.addAttribute("sumItems", sumItems);
        model.addAttribute("chart", PayoutChart.of(totals, programmes));
        model.addAttribute("issues", issues);
        model.addAttribute("issueLimit", ISSUE_LIMIT);
        model.addAttribute("townships", townships);
        model.addAttribute("programmes", programmes);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("itemStatuses", ITEM_STATUSES);
        model.addAttribute("search", s);
        model.addAttribute("items", items);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("hasNext", hasNext);
        model.addAttribute("previousUrl", page > 0 ? s.url(id, page - 1) : null);
        model.addAttribute("nextUrl", hasNext ? s.url(id, page + 1) : null);
        model.addAttribute("searchUrl", s.url(id, page));
        model.addAttribute("imports", runs.imports(id));
        model.addAttribute("mayAct", mayAct);
        model.addAttribute("status", run.status().name());
        model.addAttribute("exported", run.status() == PayoutRunStatus.EXPORTED);
        model.addAttribute("changeAlertPct", runs.changeAlertPct());
        putIfAbsent(model, "approveForm", new Object());
        putIfAbsent(model, "closeForm", new Object());
        putIfAbsent(model, "returnsForm", new ReturnsForm(null));
        putIfAbsent(model, "handForm", new HandForm(null));
        return "payout/run";
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Runs are a county reviewer's business (the service checks again). */
    private static boolean mayRun() {
        StaffPrincipal me = CurrentStaff.require();
        return me.hasRole(Role.REVIEWER) && me.scope().prefix().length() <= 6;
    }

    private static void notice(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("payoutNotice", key);
        redirect.addFlashAttribute("payoutNoticeArgs", args);
    }

    /**
     * Money for a message, formatted here (not by MessageFormat): exact, two decimals, grouped by
     * thousands like the amounts on the pages.
     */
    /** An amount in a notice as the pages write it (the one money format, {@code common.web.Money}). */
    static String money(BigDecimal amount) {
        return MONEY.format(amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_UP));
    }

    private static final cn.dibao.common.web.Money MONEY = new cn.dibao.common.web.Money();

    private static void putIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }
}
