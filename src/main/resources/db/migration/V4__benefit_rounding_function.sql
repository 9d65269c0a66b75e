-- The local rounding rules of the engine (RoundingRule) for set-based SQL: the simulator and,
-- later, payout runs round exactly as the engine does.
create function round_benefit(amount numeric, rule varchar) returns numeric
    language sql immutable strict parallel safe as
$$
select case rule
           when 'UP_YUAN' then ceil(amount)
           when 'HALF_UP_YUAN' then round(amount, 0)
           when 'UP_JIAO' then ceil(amount * 10) / 10
           when 'HALF_UP_JIAO' then round(amount, 1)
           else round(amount, 2)
       end
$$;
