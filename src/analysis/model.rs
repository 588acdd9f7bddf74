//! A multinomial logistic regression over named features: the learned part of the decisions.
//!
//! The weights live in small JSON files under `data/` written by the trainer
//! (`examples/train.rs`, `scripts/train.sh`) and compiled into the crate, so the browser build
//! carries them. A model names the features it was trained on; `Model::check` fails when they
//! are not the features the code computes, and a test runs it for every shipped model.
//!
//! This module only evaluates a model; it knows nothing of claims.

use serde::{Deserialize, Serialize};

/// A trained model: per class, one weight per feature and a bias.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub classes: Vec<String>,
    pub features: Vec<String>,
    /// `weights[class][feature]`.
    pub weights: Vec<Vec<f32>>,
    pub bias: Vec<f32>,
    /// Per class, the probability from which the decision takes it (how, the caller says).
    #[serde(default)]
    pub thresholds: Vec<f32>,
    /// Free text: how it was trained and on what.
    #[serde(default)]
    pub note: String,
}

impl Model {
    pub fn from_json(text: &str) -> Result<Model, String> {
        let model: Model = serde_json::from_str(text).map_err(|e| format!("model: {e}"))?;
        let n = model.features.len();
        if model.weights.len() != model.classes.len()
            || model.bias.len() != model.classes.len()
            || model.weights.iter().any(|w| w.len() != n)
        {
            return Err("model: weights do not match its classes and features".to_string());
        }
        Ok(model)
    }

    /// Fails unless the model was trained on exactly `features`, in that order, and has `classes`.
    pub fn check(&self, features: &[&str], classes: &[&str]) -> Result<(), String> {
        if self.features.iter().map(String::as_str).ne(features.iter().copied()) {
            return Err(format!("model features {:?} are not the code's {:?}", self.features, features));
        }
        if self.classes.iter().map(String::as_str).ne(classes.iter().copied()) {
            return Err(format!("model classes {:?} are not {:?}", self.classes, classes));
        }
        Ok(())
    }

    /// The probability of each class (softmax of the linear scores). A model without classes
    /// gives an empty vector.
    pub fn probabilities(&self, x: &[f32]) -> Vec<f32> {
        let mut p = vec![0.0; self.classes.len()];
        self.probabilities_into(x, &mut p);
        p
    }

    /// [`Model::probabilities`] written into `p` (one slot per class; extra slots are left as
    /// they are): the analysis asks this of every candidate pair, without allocating.
    pub fn probabilities_into(&self, x: &[f32], p: &mut [f32]) {
        for ((score, w), b) in p.iter_mut().zip(&self.weights).zip(&self.bias) {
            *score = b + w.iter().zip(x).map(|(w, x)| w * x).sum::<f32>();
        }
        let n = self.weights.len().min(p.len());
        softmax_in_place(&mut p[..n]);
    }
}

/// Softmax, stable for large scores.
pub fn softmax(scores: &[f32]) -> Vec<f32> {
    let mut p = scores.to_vec();
    softmax_in_place(&mut p);
    p
}

/// [`softmax`] of `scores`, in their place.
fn softmax_in_place(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
    }
    let total: f32 = scores.iter().sum();
    if total.is_nan() || total <= 0.0 {
        let uniform = 1.0 / scores.len().max(1) as f32;
        scores.fill(uniform);
        return;
    }
    for s in scores.iter_mut() {
        *s /= total;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_sum_to_one_and_follow_the_weights() {
        let model = Model {
            classes: vec!["a".into(), "b".into()],
            features: vec!["x".into()],
            weights: vec![vec![1.0], vec![-1.0]],
            bias: vec![0.0, 0.0],
            thresholds: Vec::new(),
            note: String::new(),
        };
        let p = model.probabilities(&[2.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[0] > 0.98);
        assert_eq!(model.probabilities(&[0.0]), vec![0.5, 0.5]);
        assert!(model.check(&["x"], &["a", "b"]).is_ok());
        assert!(model.check(&["y"], &["a", "b"]).is_err());
        let text = serde_json::to_string(&model).expect("serialises");
        assert_eq!(Model::from_json(&text), Ok(model));
        assert!(Model::from_json(r#"{"classes":["a"],"features":["x"],"weights":[[1,2]],"bias":[0]}"#).is_err());
    }
}
