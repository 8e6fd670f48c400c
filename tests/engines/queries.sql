-- The questions the engine tests ask of the Parquet tables, in SQL that
-- DuckDB, Polars and Spark all run. Each query follows its `-- name:` line;
-- its expected result, per collection, is in expected/<collection>/<name>.tsv.
-- The tables are views of the folders `export --to parquet` writes (with a
-- `year` column where they are partitioned by year).

-- name: visits_per_decade_and_country
-- Visits per decade and per country of the guest, as the party a guest
-- acted for: its country code, or its name when it has none (a polity).
SELECT
    CAST(FLOOR(EXTRACT(YEAR FROM e.start_date) / 10) * 10 AS INTEGER) AS decade,
    COALESCE(p.country, p.name) AS country,
    COUNT(DISTINCT e.record_id) AS visits
FROM events AS e
JOIN participations AS g
    ON g.record_id = e.record_id AND g.event_id = e.event_id AND g.role = 'guest'
JOIN parties AS p
    ON p.record_id = g.record_id AND p.party_id = g.acting_for
WHERE e.parent_event_id IS NULL AND e.kind LIKE '%visit'
GROUP BY 1, 2
ORDER BY decade, visits DESC, country;

-- name: agreements_and_signatories
-- The agreements of one record and who signed each, for which party.
SELECT
    a.agreement_id,
    a.kind,
    a.status,
    s.signatory_index,
    pe.name AS signatory,
    pa.name AS signed_for,
    s.date AS signed_on
FROM agreements AS a
LEFT JOIN signatories AS s
    ON s.record_id = a.record_id AND s.agreement_id = a.agreement_id
LEFT JOIN people AS pe
    ON pe.record_id = s.record_id AND pe.person_id = s.person_id
LEFT JOIN parties AS pa
    ON pa.record_id = s.record_id AND pa.party_id = s.acting_for
WHERE a.record_id = 'doha-talks-and-signing-2020'
ORDER BY a.agreement_id, s.signatory_index;

-- name: people_in_several_records
-- The people who appear in more than one record under the same Wikidata
-- item, however each record spells their name.
SELECT
    wikidata,
    COUNT(DISTINCT record_id) AS records,
    MIN(name) AS name,
    MIN(record_id) AS first_record
FROM people
WHERE wikidata IS NOT NULL
GROUP BY wikidata
HAVING COUNT(DISTINCT record_id) > 1
ORDER BY records DESC, wikidata;

-- name: rows_per_table
-- How many rows the main tables hold.
SELECT 'records' AS name, COUNT(*) AS row_count FROM records
UNION ALL SELECT 'events', COUNT(*) FROM events
UNION ALL SELECT 'participations', COUNT(*) FROM participations
UNION ALL SELECT 'parties', COUNT(*) FROM parties
UNION ALL SELECT 'people', COUNT(*) FROM people
UNION ALL SELECT 'agreements', COUNT(*) FROM agreements
UNION ALL SELECT 'signatories', COUNT(*) FROM signatories
UNION ALL SELECT 'citations', COUNT(*) FROM citations
ORDER BY name;
