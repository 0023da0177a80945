select id as review_id, customer_id, product, stars, updated_at as reviewed_at
from {{ source('reviews_api', 'reviews') }}
