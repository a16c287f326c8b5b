-- The tables the corpus ALTERs, RENAMEs, DROPs and indexes, as they stand before each corpus statement (see
-- README.md). Statements end with ';' at the end of a line; default database shop. Columns, keys and tables a
-- statement adds are left out; where another statement needs them, fixture-setup.tsv adds them for that entry.
CREATE TABLE customers (
  id INT NOT NULL AUTO_INCREMENT,
  email VARCHAR(255) NOT NULL,
  name VARCHAR(100),
  created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE `orders` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NOT NULL,
  `status` enum('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new',
  `total` decimal(12,2) NOT NULL DEFAULT '0.00',
  `price` decimal(10,2) DEFAULT NULL,
  `ref` varchar(20) DEFAULT NULL,
  `note` text,
  `created` date DEFAULT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_customer` (`customer_id`),
  KEY `idx_status_updated` (`status`,`updated_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders_new LIKE orders;
CREATE TABLE orders_bak LIKE orders;
CREATE TABLE _orders_new LIKE orders;
CREATE TABLE _orders_old LIKE orders;
CREATE TABLE `order items` (
  `order id` bigint unsigned NOT NULL,
  `line no` smallint NOT NULL,
  `sku` varchar(40) NOT NULL,
  `qty` int NOT NULL DEFAULT 1,
  PRIMARY KEY (`order id`, `line no`)
);
CREATE TABLE sessions (id CHAR(32) NOT NULL PRIMARY KEY, customer_id INT, data BLOB, expires_at DATETIME NOT NULL);
CREATE TABLE old_sessions (id CHAR(32) NOT NULL PRIMARY KEY, data BLOB, expires_at DATETIME NOT NULL);
CREATE TABLE places (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  pos POINT NOT NULL,
  area POLYGON NOT NULL
);
CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(10));
CREATE TABLE b (id INT PRIMARY KEY, w VARCHAR(10));
CREATE TABLE c (id INT PRIMARY KEY);
CREATE TABLE t1 (id INT PRIMARY KEY, v INT);
CREATE TABLE t3 (id INT PRIMARY KEY);
CREATE TABLE t_a (id INT PRIMARY KEY);
CREATE TABLE t_b (id INT PRIMARY KEY);
CREATE TABLE t_vc2 (id INT PRIMARY KEY, v VARCHAR(10));
CREATE TABLE t_versioned (id INT PRIMARY KEY, v INT);
CREATE TABLE no_default_db (id INT PRIMARY KEY);
CREATE TABLE tmp_import_2024_11 (id INT PRIMARY KEY, line TEXT);
CREATE TABLE `we``ird` (`id` INT PRIMARY KEY, `col``tick` INT);
CREATE TABLE `ünïcode_tàble` (`id` INT PRIMARY KEY, `nom` VARCHAR(30));
CREATE TABLE `table` (`id` INT PRIMARY KEY, `select` INT);
CREATE TABLE `123` (`id` INT PRIMARY KEY);
CREATE TABLE archive.t2 (id INT PRIMARY KEY);
CREATE TABLE archive.orders_2024 (
  id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  customer_id INT NOT NULL,
  total DECIMAL(12,2) NOT NULL DEFAULT '0.00',
  created_at DATETIME NOT NULL
);
CREATE TABLE reporting.daily_totals (day DATE NOT NULL PRIMARY KEY, total DECIMAL(14,2) NOT NULL);
CREATE TABLE reporting.`monthly totals` (`month` CHAR(7) NOT NULL PRIMARY KEY, `gross value` DECIMAL(14,2));
CREATE TABLE `db.with.dots`.t (id INT PRIMARY KEY);
