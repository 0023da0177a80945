{% snapshot products_snapshot %}
{{ config(schema='silver', unique_key='product_id', strategy='timestamp', updated_at='updated_at') }}
select * from {{ ref('brz_products') }}
{% endsnapshot %}
