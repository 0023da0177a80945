{{ config(materialized='incremental') }}
select 1 as x from {{ ref('a') }}
