-- The live sample's CDC table, in the elt_shop database (run ../setup.sql first):
--   psql -h 127.0.0.1 -U postgres -d elt_shop -f samples/elt_shop/live/setup.sql
drop table if exists shop.stock;
create table shop.stock (
  product_id integer primary key,
  product text not null,
  on_hand integer not null,
  updated_at timestamp not null default now()
);
insert into shop.stock
select g, (array['sencha', 'assam', 'oolong', 'rooibos', 'matcha', 'earl grey'])[g], 20 + g * 5, now()
from generate_series(1, 6) g;
