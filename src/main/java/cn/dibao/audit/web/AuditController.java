package cn.dibao.audit.web;

import cn.dibao.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors and administrators, filtered and paged, newest first. */
@Controller
@RequestMapping("/audit")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AuditTrail.AuditQuery query = new AuditTrail.AuditQuery(action, actor, entityType, entityId);
        model.addAttribute("query", query);
        model.addAttribute("events", audit.search(query, Math.max(page, 0), PAGE_SIZE));
        return "audit/list";
    }
}
