//! The reverse geocoder on the data the widget ships (the crate's 60×30 raster): positions in
//! every supported region and outside them, and E12's accuracy circle.

use agent_dialer_geo::{region_from_ids, Geocoder};
use country_boundaries::BOUNDARIES_ODBL_60X30;

#[test]
fn positions_resolve_to_supported_regions_offline() {
    let b = Geocoder::from_bytes(BOUNDARIES_ODBL_60X30).expect("crate data reads");
    let at = |latitude, longitude| b.region_at(latitude, longitude);
    assert_eq!(at(30.27, -97.74).as_deref(), Some("US")); // Austin: ["US-TX","US"]
    assert_eq!(at(43.65, -79.38).as_deref(), Some("CA")); // Toronto: ["CA-ON","CA"]
    assert_eq!(at(18.4655, -66.1057).as_deref(), Some("PR")); // San Juan: ["PR","US"]
    assert_eq!(at(51.5074, -0.1278).as_deref(), Some("GB")); // London: ["GB-ENG","GB"]
    assert_eq!(at(55.6761, 12.5683).as_deref(), Some("DK")); // Copenhagen
    assert_eq!(at(52.52, 13.405).as_deref(), Some("DE")); // Berlin: unsupported
    assert_eq!(at(95.0, 0.0), None);
    assert_eq!(at(f64::NAN, 0.0), None);
    assert_eq!(at(45.0, -35.0), None, "the North Atlantic");
    assert_eq!(b.ids_at(18.4655, -66.1057), vec!["PR", "US"]);
    assert_eq!(region_from_ids(&["US-PR", "US"]).as_deref(), Some("PR"));
    assert_eq!(region_from_ids(&["US-TX", "US"]).as_deref(), Some("US"));
    assert_eq!(region_from_ids(&["FR-XYZ", "dk"]).as_deref(), Some("DK"));
    assert_eq!(region_from_ids(&["USA", "X"]), None);
    // E12's circle: every region it may reach, sorted, each once.
    let near =
        |latitude, longitude, accuracy_meters| b.regions_near(latitude, longitude, accuracy_meters);
    let detroit = near(42.33, -83.05, 20_000.0); // across the river from Windsor (CA)
    assert!(detroit.windows(2).all(|w| w[0] < w[1]), "{detroit:?}");
    assert!(
        detroit.contains(&"US".to_string()) && detroit.contains(&"CA".to_string()),
        "{detroit:?}"
    );
    // Schleswig, 25 km from Denmark, ± 30 km: the circle may reach DK; Berlin ± 30 m: the
    // regions of the data's cell (a superset), DE among them, no supported one.
    let schleswig = near(54.52, 9.57, 30_000.0);
    assert!(schleswig.contains(&"DK".to_string()), "{schleswig:?}");
    let berlin = near(52.52, 13.405, 30.0);
    assert!(berlin.contains(&"DE".to_string()), "{berlin:?}");
    for supported in ["US", "CA", "PR", "GB", "DK"] {
        assert!(!berlin.contains(&supported.to_string()), "{berlin:?}");
    }
    let everywhere = near(42.33, -83.05, f64::NAN);
    assert!(everywhere.len() > 100, "{}", everywhere.len());
    assert!(
        everywhere.windows(2).all(|w| w[0] < w[1]),
        "sorted, no repeats"
    );
    assert_eq!(
        near(f64::INFINITY, 0.0, 10.0),
        everywhere,
        "not a position: everywhere"
    );
}

#[test]
fn unreadable_data_is_an_error_not_a_panic() {
    for bytes in [&[][..], &[1, 2, 3][..], &BOUNDARIES_ODBL_60X30[..100]] {
        let err = Geocoder::from_bytes(bytes).err().expect("unreadable");
        assert!(err.starts_with("country data is unreadable"), "{err}");
    }
}
