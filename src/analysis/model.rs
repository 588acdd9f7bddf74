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
        let scores: Vec<f32> = self
            .weights
            .iter()
            .zip(&self.bias)
            .map(|(w, b)| b + w.iter().zip(x).map(|(w, x)| w * x).sum::<f32>())
            .collect();
        softmax(&scores)
    }
}

/// Softmax, stable for large scores.
pub fn softmax(scores: &[f32]) -> Vec<f32> {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
    let total: f32 = exps.iter().sum();
    if total.is_nan() || total <= 0.0 {
        return vec![1.0 / scores.len().max(1) as f32; scores.len()];
    }
    exps.into_iter().map(|e| e / total).collect()
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
