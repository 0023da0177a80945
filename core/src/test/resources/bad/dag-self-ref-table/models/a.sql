{{ config(materialized='table') }}
select x + 1 as x from {{ ref('a') }}
