select * from {{ ref('nowhere') }}
