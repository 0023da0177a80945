{% snapshot customers_snapshot %}
{{ config(schema='silver', unique_key='customer_id', strategy='timestamp', updated_at='updated_at') }}
select * from {{ ref('brz_customers') }}
{% endsnapshot %}
