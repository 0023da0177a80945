-- Fills the elt_shop sample's source database. Run it against a database named elt_shop:
--   createdb -h 127.0.0.1 -U postgres elt_shop
--   psql -h 127.0.0.1 -U postgres -d elt_shop -f samples/elt_shop/setup.sql
-- It drops and recreates the schema "shop", so it can be run again to start over.
drop schema if exists shop cascade;
create schema shop;

create table shop.customers (
  id integer primary key,
  name text not null,
  country text not null
);
insert into shop.customers
select g, 'Customer ' || g, (array['de', 'fr', 'jp', 'no', 'br', 'in', 'us', 'ng'])[1 + g % 8]
from generate_series(1, 40) g;

create table shop.orders (
  id integer primary key,
  customer_id integer not null references shop.customers (id),
  status text not null,
  amount numeric(10, 2) not null,
  ordered_at timestamp not null,
  updated_at timestamp not null
);
insert into shop.orders
select g,
       1 + (g * 13) % 40,
       (array['placed', 'shipped', 'delivered', 'returned'])[1 + g % 4],
       round((5 + (g * 37) % 120)::numeric, 2),
       timestamp '2026-01-01 08:00' + g * interval '3 hours',
       timestamp '2026-01-01 08:00' + g * interval '3 hours' + interval '1 hour'
from generate_series(1, 500) g;

create table shop.events (
  id bigint primary key,
  customer_id integer not null,
  kind text not null,
  happened_at timestamp not null
);
insert into shop.events
select g, 1 + (g * 7) % 40, (array['visit', 'search', 'add_to_cart', 'checkout'])[1 + g % 4],
       timestamp '2026-01-01' + g * interval '17 minutes'
from generate_series(1, 5000) g;

-- To try an incremental load afterwards: change an order and add one, then run the load again.
--   update shop.orders set status = 'returned', updated_at = now() where id = 7;
--   insert into shop.orders values (501, 3, 'placed', 42.00, now(), now());
