-- The district map of the big screen (issue 17): GeoJSON, one feature per district code. The demo city's is loaded
-- with the reference data when there is none; an admin uploads the real city's in 管理 (validated against the
-- districts). The newest row is the map in use; older rows are its history.
CREATE TABLE IF NOT EXISTS district_maps {{on_cluster}}
(
    uploaded_at  DateTime64(3, 'Asia/Shanghai'),
    uploaded_by  String,
    source       LowCardinality(String),   -- demo, upload
    features     UInt32,
    geojson      String
)
ENGINE = MergeTree
ORDER BY uploaded_at;
