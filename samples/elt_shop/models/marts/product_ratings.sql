select product, count(*) as reviews, round(avg(stars), 2) as avg_stars
from {{ ref('stg_reviews') }}
group by 1
