package cn.dibao.standard;

/**
 * SQL common table expressions that resolve, once per township and hukou type of a county, the
 * standard version in force in a month (township override before county, hukou-specific before
 * general), so set-based statements join a handful of rows instead of resolving per household.
 * Parameters: {@code :pattern} (county prefix + '%') and {@code :month} (first day). Yields {@code std}
 * with columns {@code township, hukou_type} and every column of {@code subsidy_standard}.
 */
public final class StandardsInForce {

    public static final String CTE = """
            std_pairs as (
              select a.code as township, hk.hukou_type
              from area a cross join (values ('URBAN'), ('RURAL')) hk(hukou_type)
              where a.level in ('TOWNSHIP', 'COUNTY') and a.code like :pattern
            ),
            std as materialized (
              select std_pairs.township, std_pairs.hukou_type as std_hukou, s.*
              from std_pairs cross join lateral (
                select * from subsidy_standard s
                where s.area_code in (std_pairs.township, left(std_pairs.township, 6) || '000000')
                  and (s.hukou_type is null or s.hukou_type = std_pairs.hukou_type)
                  and s.effective_from <= :month
                order by s.effective_from desc, (s.area_code = std_pairs.township) desc, (s.hukou_type is not null) desc
                limit 1) s
            )""";

    private StandardsInForce() {
    }
}
