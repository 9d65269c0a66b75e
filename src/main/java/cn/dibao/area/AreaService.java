package cn.dibao.area;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The area tree. Every read is limited to the current user's scope in the query itself; a code
 * outside the scope is "not found".
 */
@Service
@Transactional(readOnly = true)
public class AreaService {

    private final AreaRepository areas;
    private final AuditTrail audit;
    private final Clock clock;

    AreaService(AreaRepository areas, AuditTrail audit, Clock clock) {
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    /** All areas the current user may see, in tree order (codes sort parent before child). */
    public List<AreaView> listInScope() {
        return areas.findInScope(CurrentStaff.scope().likePattern()).stream().map(Area::view).toList();
    }

    public AreaView get(String code) {
        return find(code).map(Area::view).orElseThrow(() -> new NotFoundException("area", code));
    }

    /** Active areas of one level within the user's scope, e.g. villages for a household form. */
    public List<AreaView> activeInScope(AreaLevel level) {
        return areas.findActiveByLevelInScope(level, CurrentStaff.scope().likePattern()).stream().map(Area::view)
                .toList();
    }

    /** Names for display, unscoped: a name is not personal data. */
    public Optional<String> nameOf(String code) {
        return code == null ? Optional.empty() : areas.findById(code).map(Area::getName);
    }

    /** A full path such as "黄岛区 / 隐珠街道 / 滨海新村社区". */
    public String pathOf(String code) {
        StringBuilder path = new StringBuilder();
        String c = code;
        while (c != null) {
            Optional<Area> a = areas.findById(c);
            if (a.isEmpty()) {
                break;
            }
            path.insert(0, path.isEmpty() ? a.get().getName() : a.get().getName() + " / ");
            c = a.get().getParentCode();
        }
        return path.toString();
    }

    @Transactional
    public AreaView create(NewArea cmd) {
        String code = cmd.code() == null ? null : cmd.code().trim();
        String parentCode = cmd.level() == AreaLevel.COUNTY ? null : cmd.parentCode();
        AreaScope scope = CurrentStaff.scope();
        if (cmd.level() != AreaLevel.COUNTY) {
            if (parentCode == null || parentCode.isBlank()) {
                throw new DomainException("parentCode", "area.parent.required");
            }
            Area parent = find(parentCode).orElseThrow(() -> new DomainException("parentCode", "area.parent.unknown"));
            if (parent.isRetired()) {
                throw new DomainException("parentCode", "area.parent.retired");
            }
            if (parent.getLevel().childLevel() != cmd.level()) {
                throw new DomainException("level", "area.level.mismatch");
            }
        } else if (!scope.isAll()) {
            // Only an unrestricted administrator may open a new county.
            throw new DomainException("level", "area.county.outOfScope");
        }
        AreaCodes.problem(code, cmd.level(), parentCode).ifPresent(key -> {
            throw new DomainException("code", key);
        });
        if (areas.existsById(code)) {
            throw new DomainException("code", "area.code.duplicate");
        }
        Area saved = areas.save(new Area(code, cmd.name().trim(), cmd.level(), parentCode));
        audit.record("AREA_CREATED", "area", code, code, cmd.name().trim());
        return saved.view();
    }

    @Transactional
    public AreaView rename(String code, String newName, long expectedVersion) {
        Area area = find(code).orElseThrow(() -> new NotFoundException("area", code));
        checkVersion(area, expectedVersion);
        String old = area.getName();
        area.rename(newName.trim());
        areas.flush();
        audit.record("AREA_RENAMED", "area", code, code, old + " → " + newName.trim());
        return area.view();
    }

    /** Retire, never delete: households and cases keep pointing at retired areas. */
    @Transactional
    public AreaView retire(String code, long expectedVersion) {
        Area area = find(code).orElseThrow(() -> new NotFoundException("area", code));
        checkVersion(area, expectedVersion);
        if (area.isRetired()) {
            throw DomainException.global("area.retire.already");
        }
        if (areas.existsByParentCodeAndRetiredFalse(code)) {
            throw DomainException.global("area.retire.hasActiveChildren");
        }
        area.retire(clock.instant());
        areas.flush();
        audit.record("AREA_RETIRED", "area", code, code, area.getName());
        return area.view();
    }

    private Optional<Area> find(String code) {
        if (code == null || !code.matches("[0-9]{12}")) {
            return Optional.empty();
        }
        return areas.findInScope(code, CurrentStaff.scope().likePattern());
    }

    private static void checkVersion(Area area, long expectedVersion) {
        if (area.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("area " + area.getCode() + " changed");
        }
    }

    /** What a new area needs. */
    public record NewArea(String code, String name, AreaLevel level, String parentCode) {
    }
}
