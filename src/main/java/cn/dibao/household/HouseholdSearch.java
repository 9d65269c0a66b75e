package cn.dibao.household;

import cn.dibao.common.identity.IdNumbers;
import cn.dibao.common.identity.IdType;
import cn.dibao.common.security.AreaScope;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Household search in SQL: the scope is a prefix condition on the area code in the query itself,
 * and the name and ID conditions are written so PostgreSQL can start from the person indexes.
 * Pages are slices (no total count), which keeps every page cheap at 1M households.
 */
@Component
class HouseholdSearch {

    private final JdbcClient jdbc;

    HouseholdSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Slice<HouseholdRow> search(HouseholdQuery q, AreaScope scope, int page, int size) {
        MapSqlParameterSource p = new MapSqlParameterSource("scope", scope.likePattern())
                .addValue("limit", size + 1).addValue("offset", (long) page * size);
        StringBuilder where = new StringBuilder("h.area_code like :scope");
        if (hasText(q.areaCode()) && q.areaCode().matches("[0-9]{12}")) {
            where.append(" and h.area_code like :area");
            p.addValue("area", AreaScope.of(q.areaCode()).likePattern());
        }
        if (q.status() != null) {
            where.append(" and h.status = :status");
            p.addValue("status", q.status().name());
        }
        if (q.tag() != null) {
            where.append(" and h.tags @> array[cast(:tag as varchar(30))]");
            p.addValue("tag", q.tag().name());
        }
        if (hasText(q.name())) {
            String name = q.name().trim().replace("\\", "").replace("%", "").replace("_", "");
            boolean contains = name.codePointCount(0, name.length()) >= 3;
            where.append(" and h.id in (select m.household_id from person p join household_member m"
                    + " on m.person_id = p.id and m.left_on is null where p.name like :name)");
            p.addValue("name", contains ? "%" + name + "%" : name + "%");
        }
        if (hasText(q.idNumber())) {
            String normalized = normalizeId(q.idNumber());
            where.append(" and h.id in (select m.household_id from person p join household_member m"
                    + " on m.person_id = p.id where p.id_number = :idNumber)");
            p.addValue("idNumber", normalized);
        }
        // Page the ids first (index-only where possible), then fetch the columns for that page only.
        String sql = """
                with page as (
                  select h.id from household h
                """ + " where " + where + """
                   order by h.id desc limit :limit offset :offset
                )
                select h.id, h.area_code, a.name as area_name, h.address, h.hukou_type, h.status, h.tags,
                       hp.name as head_name, hp.id_number as head_id,
                       (select count(*) from household_member c where c.household_id = h.id and c.left_on is null) as members
                from page
                join household h on h.id = page.id
                join area a on a.code = h.area_code
                left join person hp on hp.id = h.head_person_id
                order by h.id desc
                """;
        List<HouseholdRow> rows = jdbc.sql(sql).paramSource(p).query((rs, i) -> new HouseholdRow(rs.getLong("id"),
                rs.getString("area_code"), rs.getString("area_name"), rs.getString("address"),
                HukouType.valueOf(rs.getString("hukou_type")), HouseholdStatus.valueOf(rs.getString("status")),
                rs.getString("head_name"), IdNumbers.mask(rs.getString("head_id")), rs.getInt("members"),
                tags(rs.getArray("tags")))).list();
        boolean hasNext = rows.size() > size;
        List<HouseholdRow> content = hasNext ? new ArrayList<>(rows.subList(0, size)) : rows;
        return new SliceImpl<>(content, PageRequest.of(page, size), hasNext);
    }

    /** Searches accept what people type: lower-case x, 15-digit legacy numbers. */
    static String normalizeId(String raw) {
        IdNumbers.Result r = IdNumbers.check(IdType.RESIDENT_ID, raw, LocalDate.now());
        return r.valid() ? r.normalized() : raw.trim().toUpperCase();
    }

    private static List<HouseholdTag> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> HouseholdTag.valueOf((String) o)).toList();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
