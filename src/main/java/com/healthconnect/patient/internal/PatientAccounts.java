package com.healthconnect.patient.internal;

import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.AccountClosure;
import com.healthconnect.auth.AccountStore;
import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.PatientRegistration;
import com.healthconnect.auth.Registration;
import com.healthconnect.auth.Role;

/** The patient side of accounts, and the patients collection's indexes. */
@Component
class PatientAccounts implements AccountStore, InitializingBean {

	private final Patients patients;
	private final MongoTemplate mongo;

	PatientAccounts(Patients patients, MongoTemplate mongo) {
		this.patients = patients;
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(Patient.class)
			.createIndex(new Index().on("email", Direction.ASC).unique().named("email_unique"));
	}

	@Override
	public Role role() {
		return Role.PATIENT;
	}

	@Override
	public Optional<StoredCredentials> findCredentials(String email) {
		return patients.findByEmail(email).map(p -> new StoredCredentials(p.getId(), p.getPasswordHash()));
	}

	@Override
	public AccountView create(String id, Registration registration, String email, String passwordHash) {
		PatientRegistration r = (PatientRegistration) registration;
		Patient patient = new Patient(r.name(), email, passwordHash,
				r.dateOfBirth(), r.gender(), r.bloodGroup(), r.timeZone());
		patient.assignId(id);
		return PatientMapper.view(patients.insert(patient));
	}

	@Override
	public Optional<AccountView> find(String id) {
		return patients.findById(id).map(PatientMapper::view);
	}

	@Override
	public void setPasswordHash(String id, String passwordHash) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("passwordHash", passwordHash),
				Patient.class);
	}

	@Override
	public void erase(String id) {
		patients.findById(id).ifPresent(patient -> {
			patient.erase(AccountClosure.DELETED_NAME);
			patients.save(patient);
		});
	}

	@Override
	public void delete(String id) {
		patients.deleteById(id);
	}
}
