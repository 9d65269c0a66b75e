package cn.dibao.application;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.error.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The materials checklist per assistance type (administrators keep it): what the window asks for
 * and what the 一次性告知书 lists when missing. Items are never deleted, only made inactive, so
 * old cases still name what they had.
 */
@Service
@Transactional
public class MaterialRequirements {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MaterialRequirements(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Item(long id, AssistanceType assistanceType, String code, String name, boolean required,
                       int sortOrder, boolean active) {
    }

    @Transactional(readOnly = true)
    public List<Item> all() {
        return jdbc.sql("""
                select id, assistance_type, code, name, required, sort_order, active from material_requirement
                order by assistance_type, sort_order, code""")
                .query((rs, i) -> new Item(rs.getLong(1), AssistanceType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getInt(6), rs.getBoolean(7))).list();
    }

    public void add(AssistanceType type, String code, String name, boolean required) {
        if (type == null) {
            throw new DomainException("assistanceType", "application.type.required");
        }
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new DomainException("code", "material.code.invalid");
        }
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw new DomainException("name", "material.name.invalid");
        }
        try {
            jdbc.sql("""
                    insert into material_requirement (assistance_type, code, name, required, sort_order)
                    values (:t, :c, :n, :r, (select coalesce(max(sort_order), 0) + 1 from material_requirement
                                             where assistance_type = :t))""")
                    .param("t", type.name()).param("c", code).param("n", name.trim()).param("r", required).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException("code", "material.code.duplicate");
        }
        audit.record("MATERIAL_ADDED", "material_requirement", type + "/" + code, null,
                name.trim() + (required ? "（必交）" : "（选交）"));
    }

    /** Switches an item between required and optional, or active and inactive. */
    public void change(long id, boolean required, boolean active) {
        int n = jdbc.sql("update material_requirement set required = :r, active = :a where id = :id")
                .param("r", required).param("a", active).param("id", id).update();
        if (n == 0) {
            throw new cn.dibao.common.error.NotFoundException("material", id);
        }
        audit.record("MATERIAL_CHANGED", "material_requirement", id, null,
                (required ? "必交" : "选交") + "，" + (active ? "启用" : "停用"));
    }

    // ---- the checklist of a case ------------------------------------------------------------------

    /** The materials to bring for an assistance type (一次性告知 lists the missing ones). */
    @Transactional(readOnly = true)
    public List<ApplicationView.Material> forType(AssistanceType type) {
        return jdbc.sql("""
                select code, name, required from material_requirement where assistance_type = :t and active
                order by sort_order, code""").param("t", type.name())
                .query((rs, i) -> new ApplicationView.Material(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /** Every material any type asks for, once, for the intake form's checklist. */
    @Transactional(readOnly = true)
    public List<ApplicationView.Material> anyType() {
        return jdbc.sql("""
                select code, min(name), bool_or(required) from material_requirement where active
                group by code order by min(sort_order), code""")
                .query((rs, i) -> new ApplicationView.Material(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /** The required materials the case does not have yet. */
    List<ApplicationView.Material> missing(Application a) {
        java.util.Set<String> have = a.materialSet();
        return forType(a.getAssistanceType()).stream().filter(m -> m.required() && !have.contains(m.code())).toList();
    }

    /** The given codes that apply to the type; a code no type knows is an error, another type's is ignored. */
    java.util.Set<String> known(AssistanceType type, java.util.Set<String> given) {
        java.util.Set<String> applicable = forType(type).stream().map(ApplicationView.Material::code)
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (given != null) {
            for (String code : given) {
                if (code == null || code.isBlank()) {
                    continue;
                }
                if (applicable.contains(code)) {
                    out.add(code);
                } else if (!jdbc.sql("select exists (select 1 from material_requirement where code = :c)")
                        .param("c", code).query(Boolean.class).single()) {
                    throw new DomainException("materials", "application.materials.unknown", code);
                }
            }
        }
        return out;
    }

    /** Refused with the names of what is still missing, all at once. */
    void requireComplete(Application a, String field) {
        List<ApplicationView.Material> missing = missing(a);
        if (!missing.isEmpty()) {
            throw new DomainException(field, "application.materials.stillMissing",
                    missing.stream().map(ApplicationView.Material::name)
                            .collect(java.util.stream.Collectors.joining("、")));
        }
    }
}
