-- The store table as the source system shows it on the simulated day.
select store_id, name, city, region, manager
from {{ ref('raw_stores') }}
where updated_day <= {{ var('day') }}
qualify row_number() over (partition by store_id order by updated_day desc) = 1
