CREATE TABLE IF NOT EXISTS products (id INT PRIMARY KEY, sku VARCHAR(20) NOT NULL, name VARCHAR(80) NOT NULL, stock INT NOT NULL);
CREATE TABLE IF NOT EXISTS orders (id INT AUTO_INCREMENT PRIMARY KEY, product_id INT NOT NULL, quantity INT NOT NULL, total DECIMAL(10,2) NOT NULL);
MERGE INTO products KEY (id) VALUES (1, 'TEA-01', 'Green tea', 40), (2, 'COF-02', 'Espresso beans', 12), (3, 'MUG-03', 'Enamel mug', 0);
